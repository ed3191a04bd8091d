from hap import *
import subprocess, time
from exp_cookie import Client
LOG = "    log stdout format raw local0\n"
DEF = "    log global\n    log-format \"%b/%s %ST Tw=%Tw Tc=%Tc Tt=%Tt rc=%rc tsc=%tsc\"\n"
def start_b():
    p = subprocess.Popen(['python3', __import__('os').path.join(__import__('os').path.dirname(__file__), 'one.py'), 'b', '19020'], stdout=subprocess.PIPE, text=True); p.stdout.readline(); return p
def run(label, redispatch):
    b = start_b()
    backend = ('    balance roundrobin\n    retries 3\n' + ('    option redispatch\n' if redispatch else '') + '    cookie SERVERID insert indirect nocache\n'
               '    server a 127.0.0.1:19001 cookie a check inter 500\n    server b 127.0.0.1:19020 cookie b check inter 500\n    server c 127.0.0.1:19003 cookie c check inter 500\n')
    h = Haproxy(backend, globals_extra=LOG, defaults_extra=DEF)
    out = []
    try:
        time.sleep(0.3)
        c, stale = Client(), Client(stale=True)
        out += [Client().go(), c.go(), stale.go()]   # a, b, c?  we want c and stale on b
        print(label, 'start:', out, 'c.cookie', c.cookie, 'stale.cookie', stale.cookie)
        # make both bound to b
        c.cookie = stale.cookie = 'b'
        b.terminate(); b.wait(); t0 = time.time()
        r = c.go(); print(f'  t=0 request with cookie b -> {r} after {int((time.time()-t0)*1000)} ms; c.cookie={c.cookie}')
        time.sleep(2.0)
        print('  state:', [l.split()[3:7] for l in h.cmd('show servers state bk').splitlines()[2:] if l.strip()])
        t1 = time.time(); r = stale.go(); print(f'  b DOWN: stale cookie b -> {r} in {int((time.time()-t1)*1000)} ms')
        r = stale.go(); print(f'  again -> {r}')
        b = start_b(); time.sleep(1.6)
        print('  b restarted; state:', [l.split()[3:7] for l in h.cmd('show servers state bk').splitlines()[2:] if l.strip()])
        print('  stale client ->', stale.go(), stale.go(), '| normal client ->', c.go(), c.go())
        time.sleep(0.2)
        for l in h.out:
            if 'Tc=' in l and 'NOSRV' not in l: print('   log:', l)
            elif 'Server' in l: print('   msg:', l)
    finally:
        h.stop(); b.terminate(); b.wait()
run('with redispatch', True)
run('without redispatch', False)
