from hap import *
ck = '    cookie SERVERID insert indirect nocache\n'
def srv3(extra=''):
    return '\n'.join(f'    server {n} 127.0.0.1:{19001+i} cookie {n}{extra}' for i, n in enumerate('abc'))
class Client:
    def __init__(self, stale=False): self.cookie = None; self.stale = stale
    def go(self, path='/'):
        body, sc = get(path, headers={'Cookie': f'SERVERID={self.cookie}'} if self.cookie else {})
        if sc and sc.startswith('SERVERID=') and not (self.stale and self.cookie):
            self.cookie = sc.split(';')[0].split('=')[1]
        return f"{body}{'*' if sc else ''}"
def run(label, backend, script, **kw):
    h = Haproxy(backend, **kw); out = []
    try:
        for step in script:
            if isinstance(step, str): h.cmd(step); out.append('[' + ' '.join(step.split()[2:]) + ']')
            else: out.append(step())
        print(label, ':', ' '.join(out))
    finally: h.stop()
rr = '    balance roundrobin\n' + ck + srv3()
def scripted(stale):
    c = Client(stale)
    return [Client().go, c.go, c.go, 'set server bk/b state maint', c.go, c.go, 'set server bk/b state ready', c.go, c.go]
run('client bound to b (normal)', rr, scripted(False))
run('client bound to b (keepsStaleCookie)', rr, scripted(True))
c = Client()
run('client bound to b, b drain: persistent kept, new clients avoid b', rr, [Client().go, c.go, 'set server bk/b state drain', c.go, Client().go, Client().go, Client().go, c.go, 'set server bk/b state ready', Client().go, Client().go])
