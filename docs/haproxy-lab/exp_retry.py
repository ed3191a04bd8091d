from hap import *
import time
LOG = "    log stdout format raw local0\n"
DEF = "    log global\n    log-format \"%b/%s %ST Tw=%Tw Tc=%Tc Tt=%Tt rc=%rc CC=%CC tsc=%tsc %{+Q}r\"\n"
def srv(names_ports, extra=''):
    return '\n'.join(f'    server {n} 127.0.0.1:{p} cookie {n}{extra}' for n, p in names_ports)
ABC_DEAD_C = [('a', 19001), ('b', 19002), ('c', 19099)]
def run(label, backend, reqs, connect='5s', pre=None):
    h = Haproxy(backend, globals_extra=LOG, defaults_extra=DEF.replace('timeout', '') + f'    timeout connect {connect}\n' if False else DEF)
    try:
        if pre: pre(h)
        print('==', label)
        for r in reqs:
            t0 = time.time(); body, sc = get(**r); dt = (time.time() - t0) * 1000
            print(f'   {r} -> {body} set-cookie={sc} ({dt:.0f} ms)')
        time.sleep(0.2)
        for l in h.out:
            if '/' in l and 'Tc=' in l: print('   log:', l)
    finally: h.stop()
ck = '    cookie SERVERID insert indirect nocache\n'
C = {'headers': {'Cookie': 'SERVERID=c'}}
run('rr retries 3, no redispatch: request lands on dead c', '    balance roundrobin\n    retries 3\n' + srv(ABC_DEAD_C), [{}, {}, {}])
run('rr retries 3, redispatch', '    balance roundrobin\n    retries 3\n    option redispatch\n' + srv(ABC_DEAD_C), [{}, {}, {}])
run('leastconn retries 3, redispatch', '    balance leastconn\n    retries 3\n    option redispatch\n' + srv(ABC_DEAD_C), [{}, {}, {}])
run('uri map-based retries 3 redispatch, key on c', '    balance uri\n    retries 3\n    option redispatch\n' + srv(ABC_DEAD_C), [{'path': f'/item/{i}'} for i in (3, 4)])
run('uri consistent retries 3 redispatch', '    balance uri\n    hash-type consistent\n    retries 3\n    option redispatch\n' + srv(ABC_DEAD_C), [{'path': f'/item/{i}'} for i in (3, 4, 5, 6)])
run('cookie c (dead, no check), redispatch', '    balance roundrobin\n    retries 3\n    option redispatch\n' + ck + srv(ABC_DEAD_C), [C, {}])
run('cookie c (dead, no check), no redispatch', '    balance roundrobin\n    retries 3\n' + ck + srv(ABC_DEAD_C), [C])
run('cookie c (dead), redispatch 1 (every retry)', '    balance roundrobin\n    retries 3\n    option redispatch 1\n' + ck + srv(ABC_DEAD_C), [C])
run('rr, redispatch, timeout connect 300ms, no redispatch', '    balance roundrobin\n    retries 2\n    timeout connect 300ms\n' + srv(ABC_DEAD_C), [{}, {}, {}])
ABC = [('a', 19001), ('b', 19002), ('c', 19003)]
run('cookie c, c in maint', '    balance roundrobin\n' + ck + srv(ABC), [C, C, {}], pre=lambda h: h.cmd('set server bk/c state maint'))
run('cookie c, c in drain', '    balance roundrobin\n' + ck + srv(ABC), [C, C, {}, {}, {}], pre=lambda h: h.cmd('set server bk/c state drain'))
run('cookie c, c weight 0', '    balance roundrobin\n' + ck + srv(ABC), [C, {}, {}, {}], pre=lambda h: h.cmd('set server bk/c weight 0'))
run('cookie for backup d while primaries up', '    balance roundrobin\n' + ck + srv(ABC) + '\n    server d 127.0.0.1:19004 cookie d backup', [{'headers': {'Cookie': 'SERVERID=d'}}, {}])
run('cookie a (valid): indirect, no set-cookie; unknown cookie value', '    balance roundrobin\n' + ck + srv(ABC), [{'headers': {'Cookie': 'SERVERID=a'}}, {'headers': {'Cookie': 'SERVERID=zz'}}])
