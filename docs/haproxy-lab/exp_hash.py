from hap import *
import json
KEYS = [f'/item/{i}' for i in range(1, 51)]
res = {}
def run(label, backend, fn, maint=None):
    h = Haproxy(backend)
    try:
        if maint: print(h.cmd(f'set server bk/{maint} state maint').strip() or 'maint ok', end=' ')
        res[label] = fn()
        print(label, ':', res[label] if isinstance(res[label], str) else ' '.join(res[label]))
    finally: h.stop()
uri = lambda: [get(k)[0] for k in KEYS]
five = [1]*5
for ht in ['map-based', 'consistent']:
    base = f'    balance uri\n    hash-type {ht}\n'
    run(f'uri {ht}', base + servers(five), uri)
    run(f'uri {ht} c-maint', base + servers(five), uri, maint='c')
    run(f'uri {ht} c-deleted-implicit', base + servers([1,1,None,1,1]), uri)
    run(f'uri {ht} c-deleted-explicit', base + servers([1,1,None,1,1], ids=[1,2,3,4,5]), uri)
    run(f'uri {ht} weights 3-1-1-1-1', base + servers([3,1,1,1,1]), uri)
    run(f'url_param {ht}', f'    balance url_param id\n    hash-type {ht}\n' + servers(five), lambda: [get(f'/x?id={i}')[0] for i in range(1, 11)] + [get('/x')[0] for _ in range(5)])
    run(f'hdr {ht}', f'    balance hdr(X-User)\n    hash-type {ht}\n' + servers(five), lambda: [get('/', headers={'X-User': f'/item/{i}'})[0] for i in range(1, 11)])
IPS = ['127.0.0.1','127.0.1.5','127.0.2.9','127.1.0.1','127.5.6.7','127.200.3.4'] + [f'127.0.0.{i}' for i in range(2, 12)]
for ht in ['map-based', 'consistent']:
    run(f'source {ht} 3', f'    balance source\n    hash-type {ht}\n' + servers([1,1,1]), lambda: [get('/', src=ip)[0] for ip in IPS])
    run(f'source {ht} 5 c-maint', f'    balance source\n    hash-type {ht}\n' + servers(five), lambda: [get('/', src=ip)[0] for ip in IPS], maint='c')
json.dump(res, open('/tmp/haplab/hash-results.json', 'w'), indent=1)
