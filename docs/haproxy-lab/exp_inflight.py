from hap import *
import threading, time
h = Haproxy('    balance roundrobin\n' + servers([1,1]))
res = {}
try:
    t = threading.Thread(target=lambda: res.setdefault('slow', get('/?sleep=1500')[0])); t.start(); time.sleep(0.3)
    h.cmd('set server bk/a state maint')
    print('during maint:', picks(3)); t.join()
    print('in-flight request on a when a entered maint ->', res['slow'])
finally: h.stop()
