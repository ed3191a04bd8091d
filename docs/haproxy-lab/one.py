import sys, threading
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
name, port = sys.argv[1], int(sys.argv[2])
class H(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.0'
    def do_GET(self):
        b = name.encode(); self.send_response(200); self.send_header('Content-Length', str(len(b))); self.end_headers(); self.wfile.write(b)
    def log_message(self, *a): pass
s = ThreadingHTTPServer(('127.0.0.1', port), H); print('ready', flush=True); s.serve_forever()
