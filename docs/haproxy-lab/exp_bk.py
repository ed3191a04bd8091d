from hap import *
bk = ['', '', 'backup', 'backup', 'backup']
def run(label, backend, maint=(), n=6, fn=None, opts=''):
    h = Haproxy(backend + opts)
    try:
        for m in maint: h.cmd(f'set server bk/{m} state maint')
        print(label, ':', fn() if fn else picks(n))
    finally: h.stop()
for algo in ['roundrobin', 'static-rr', 'leastconn', 'first', 'uri']:
    b = f'    balance {algo}\n' + servers([1,1,1,1,1], extra=bk)
    run(f'{algo} all up', b)
    run(f'{algo} a,b maint', b, maint=['a','b'])
    run(f'{algo} a,b,c maint', b, maint=['a','b','c'])
    run(f'{algo} a,b maint allbackups', b + '\n    option allbackups', maint=['a','b'])
b = '    balance static-rr\n' + servers([1,1,2,2,1], extra=bk)
run('static-rr weights 1,1,2b,2b,1b a,b maint (map quirk?)', b, maint=['a','b'])
b = '    balance roundrobin\n' + servers([1,1,2,2,1], extra=bk)
run('roundrobin weights 1,1,2b,2b,1b a,b maint', b, maint=['a','b'])
b = '    balance uri\n' + servers([1,1,2,2,1], extra=bk)
run('uri map weights 1,1,2b,2b,1b a,b maint', b, maint=['a','b'], fn=lambda: ' '.join(get(f'/item/{i}')[0] for i in range(1, 13)))
# automatic ids: next free id from 1, skipping explicit ones
b = '    balance first\n' + '\n'.join([ '    server a 127.0.0.1:19001 maxconn 1', '    server b 127.0.0.1:19002 maxconn 1', '    server c 127.0.0.1:19003 maxconn 1 id 1'])
h = Haproxy(b)
try: print('ids [-,-,1]:', h.cmd('show servers state bk').splitlines()[2:])
finally: h.stop()
