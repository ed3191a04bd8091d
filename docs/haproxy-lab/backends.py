# Tiny HTTP backends for checking HAProxy pick orders: port 19001+i answers its letter.
import sys, time, threading
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
from urllib.parse import urlparse, parse_qs

def make(name):
    class H(BaseHTTPRequestHandler):
        protocol_version = 'HTTP/1.0'
        def do_GET(self):
            q = parse_qs(urlparse(self.path).query)
            ms = int(q.get('sleep', ['0'])[0])
            if ms: time.sleep(ms / 1000)
            body = name.encode()
            self.send_response(200)
            self.send_header('Content-Length', str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        def log_message(self, *a): pass
    return H

n = int(sys.argv[1]) if len(sys.argv) > 1 else 6
servers = []
for i in range(n):
    s = ThreadingHTTPServer(('127.0.0.1', 19001 + i), make(chr(97 + i)))
    s.daemon_threads = True
    threading.Thread(target=s.serve_forever, daemon=True).start()
print('ready', flush=True)
threading.Event().wait()
