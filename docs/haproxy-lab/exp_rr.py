from hap import *
for algo in ['roundrobin', 'static-rr', 'leastconn']:
    for ws in [[5,1,1],[3,2,1],[4,3,2,1],[1,1,1],[2,1]]:
        h = Haproxy(f'    balance {algo}\n' + servers(ws))
        try:
            print(algo, '-'.join(map(str, ws)), ':', picks(2 * sum(ws)))
        finally: h.stop()
