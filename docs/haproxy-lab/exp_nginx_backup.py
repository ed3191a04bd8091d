# Runs nginx 1.22 (one worker, foreground) against the loopback backends; 19099 is a closed port ("dead").
import subprocess, time, socket, sys
sys.path.insert(0, __import__('os').path.dirname(__file__))
from hap import get
def conf(upstream):
    return f"""
daemon off; master_process off; worker_processes 1; error_log /tmp/ngxlab/error.log; pid /tmp/ngxlab/nginx.pid;
events {{ worker_connections 64; }}
http {{ access_log off; client_body_temp_path /tmp/ngxlab; proxy_temp_path /tmp/ngxlab; fastcgi_temp_path /tmp/ngxlab; uwsgi_temp_path /tmp/ngxlab; scgi_temp_path /tmp/ngxlab;
  upstream up {{ {upstream} }}
  server {{ listen 127.0.0.1:18081; location / {{ proxy_pass http://up; }} }} }}
"""
def run(label, upstream, n=8):
    open('/tmp/ngxlab/nginx.conf', 'w').write(conf(upstream))
    t = subprocess.run(['nginx', '-t', '-c', '/tmp/ngxlab/nginx.conf'], capture_output=True, text=True)
    if t.returncode != 0:
        print(label, ': CONFIG ERROR:', [l for l in t.stderr.splitlines() if 'emerg' in l]); return
    p = subprocess.Popen(['nginx', '-c', '/tmp/ngxlab/nginx.conf'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try: socket.create_connection(('127.0.0.1', 18081), timeout=0.2).close(); break
            except OSError: time.sleep(0.05)
        out = []
        for _ in range(n):
            import http.client
            c = http.client.HTTPConnection('127.0.0.1', 18081, timeout=10); c.request('GET', '/'); r = c.getresponse(); b = r.read().decode()
            out.append(b if r.status == 200 else str(r.status))
        print(label, ':', ' '.join(out))
    finally:
        p.terminate(); p.wait()
A, B, C, D, DEAD = 'server 127.0.0.1:19001;', 'server 127.0.0.1:19002;', 'server 127.0.0.1:19003 backup;', 'server 127.0.0.1:19004 backup;', 19099
for method in ['', 'least_conn;']:
    m = method or 'round robin'
    run(f'{m}: primaries up', method + A + B + C + D)
    run(f'{m}: a dead', method + 'server 127.0.0.1:19099;' + B + C + D)
    run(f'{m}: a, b dead', method + 'server 127.0.0.1:19099;' + 'server 127.0.0.1:19098;' + C + D)
    run(f'{m}: a, b down', method + 'server 127.0.0.1:19001 down;' + 'server 127.0.0.1:19002 down;' + C + D)
    run(f'{m}: a, b dead, backup weight 2,1', method + 'server 127.0.0.1:19099;' + 'server 127.0.0.1:19098;' + 'server 127.0.0.1:19003 backup weight=2;' + D)
for method in ['hash $request_uri;', 'hash $request_uri consistent;', 'ip_hash;', 'random;']:
    run(method, method + A + C)
run('hash, a down', 'hash $request_uri; server 127.0.0.1:19001 down;' + B + 'server 127.0.0.1:19003;')
