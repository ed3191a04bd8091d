from hap import *
for ids in [[5,None,None],[2,None,None],[None,None,1],[None,3,None,None]]:
    lines = []
    for i, x in enumerate(ids):
        lines.append(f'    server {chr(97+i)} 127.0.0.1:{19001+i}' + (f' id {x}' if x else ''))
    h = Haproxy('    balance roundrobin\n' + '\n'.join(lines))
    try:
        rows = [l.split() for l in h.cmd('show servers state bk').splitlines()[2:] if l.strip()]
        print(ids, '->', {r[3]: int(r[2]) for r in rows})
    finally: h.stop()
