from hap import *
def seq(label, algo, ws, steps, extra=None):
    h = Haproxy(f'    balance {algo}\n' + servers(ws, extra=extra))
    out = []
    try:
        for s in steps:
            if isinstance(s, int): out.append(picks(s))
            else: h.cmd(s); out.append('|' + s.split()[-1] + ':' + s.split()[2].split('/')[1] + '|')
        print(label, ':', ' '.join(out))
    finally: h.stop()
seq('rr 3-2-1 b maint/ready', 'roundrobin', [3,2,1], [5, 'set server bk/b state maint', 4, 'set server bk/b state ready', 12])
seq('rr 5-1-1 a maint/ready', 'roundrobin', [5,1,1], [3, 'set server bk/a state maint', 3, 'set server bk/a state ready', 14])
seq('rr 4-3-2-1 weight a 1', 'roundrobin', [4,3,2,1], [3, 'set weight bk/a 1', 14])
seq('rr 4-3-2-1 weight d 8', 'roundrobin', [4,3,2,1], [5, 'set weight bk/d 8', 20])
seq('rr 1-1-1 c drain/ready', 'roundrobin', [1,1,1], [2, 'set server bk/c state drain', 3, 'set server bk/c state ready', 6])
seq('static-rr 3-2-1 b maint/ready', 'static-rr', [3,2,1], [5, 'set server bk/b state maint', 4, 'set server bk/b state ready', 12])
seq('leastconn 1-1-1 b maint/ready', 'leastconn', [1,1,1], [2, 'set server bk/b state maint', 3, 'set server bk/b state ready', 6])
