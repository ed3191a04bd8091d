# Runs HAProxy 2.6 (nbthread 1) against the local backends and records which server answers.
import subprocess, time, socket, http.client, os, threading

SOCK = '/tmp/haplab/hap.sock'

def config(backend, globals_extra='', defaults_extra=''):
    return f"""
global
    nbthread 1
    stats socket {SOCK} level admin
    {globals_extra}
defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s
    timeout queue 30s
    {defaults_extra}
frontend fe
    bind 127.0.0.1:18080
    default_backend bk
backend bk
{backend}
"""

class Haproxy:
    def __init__(self, backend, **kw):
        self.cfg = '/tmp/haplab/hap.cfg'
        with open(self.cfg, 'w') as f: f.write(config(backend, **kw))
        if os.path.exists(SOCK): os.unlink(SOCK)
        self.p = subprocess.Popen(['haproxy', '-f', self.cfg], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for _ in range(100):
            try:
                socket.create_connection(('127.0.0.1', 18080), timeout=0.2).close(); break
            except OSError: time.sleep(0.05)
        self.out = []
        threading.Thread(target=self._read, daemon=True).start()
    def _read(self):
        for line in self.p.stdout: self.out.append(line.rstrip())
    def cmd(self, text):
        s = socket.socket(socket.AF_UNIX); s.connect(SOCK); s.sendall((text + '\n').encode())
        data = b''
        while True:
            b = s.recv(65536)
            if not b: break
            data += b
        s.close(); return data.decode()
    def stop(self):
        self.p.terminate(); self.p.wait(5)

def get(path='/', src='127.0.0.1', headers=None):
    c = http.client.HTTPConnection('127.0.0.1', 18080, timeout=30, source_address=(src, 0))
    c.request('GET', path, headers=headers or {})
    r = c.getresponse(); body = r.read().decode(); status = r.status
    setcookie = r.getheader('Set-Cookie'); c.close()
    return body if status == 200 else f'{status}', setcookie

def picks(n, **kw):
    return ' '.join(get(**kw)[0] for _ in range(n))

def servers(weights, extra=None, ids=None, names=None):
    lines = []
    for i, w in enumerate(weights):
        if w is None: continue
        name = names[i] if names else chr(97 + i)
        x = f' weight {w}'
        if ids: x += f' id {ids[i]}'
        if extra and extra[i]: x += ' ' + extra[i]
        lines.append(f'    server {name} 127.0.0.1:{19001 + i}{x}')
    return '\n'.join(lines)
