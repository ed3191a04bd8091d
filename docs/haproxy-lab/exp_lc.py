from hap import *
import threading, time

def staggered(n, path, gap=0.1):
    out = [None] * n
    def one(i):
        out[i] = get(path)[0]
    ts = []
    for i in range(n):
        t = threading.Thread(target=one, args=(i,)); t.start(); ts.append(t); time.sleep(gap)
    for t in ts: t.join()
    return ' '.join(out)

h = Haproxy('    balance leastconn\n' + servers([5,1,1]))
try: print('leastconn 5-1-1 held:', staggered(14, '/?sleep=4000'))
finally: h.stop()
h = Haproxy('    balance leastconn\n' + servers([3,2,1]))
try: print('leastconn 3-2-1 held:', staggered(12, '/?sleep=4000'))
finally: h.stop()
h = Haproxy('    balance first\n' + servers([1,1,1], extra=['maxconn 2']*3))
try: print('first maxconn 2 x3 held:', staggered(6, '/?sleep=3000'), '| idle:', picks(4))
finally: h.stop()
h = Haproxy('    balance first\n' + servers([1,1,1], extra=['maxconn 2']*3, ids=[3,2,1]))
try: print('first ids 3,2,1 held:', staggered(6, '/?sleep=3000'), '| idle:', picks(4))
finally: h.stop()
h = Haproxy('    balance first\n' + servers([1,1,1], extra=['maxconn 2']*3, ids=[3,None,1]).replace(' id None',''))
try: print('first ids 3,-,1 held:', staggered(6, '/?sleep=3000'))
finally: h.stop()
