#!/usr/bin/env bash
# PNG and PDF downloads from conceptmap serve: 30 neighbourhoods at depth 2,
# each as PNG and as PDF, one at a time; prints the server's peak memory
# (VmHWM) and the status codes. Run from the repository's root.
set -u
go build -o /tmp/cm ./cmd/conceptmap || exit 1
/tmp/cm serve --addr 127.0.0.1:8097 >/tmp/s.log 2>&1 &
sleep 1.5
PID=$(pgrep -f "cm serve --addr 127.0.0.1:8097" | head -1)
ids=$(/tmp/cm list --json | python3 -c "import json,sys; print(' '.join(c['id'] for c in json.load(sys.stdin)))")
n=0
for id in $ids; do
  for f in png pdf; do
    curl -s -o /dev/null -w "%{http_code}\n" "http://127.0.0.1:8097/download?format=$f&show=focus&focus=$id&depth=2" >> /tmp/codes.txt
  done
  n=$((n+1)); [ $n -ge 30 ] && break
done
grep VmHWM /proc/$PID/status
sort /tmp/codes.txt | uniq -c; rm -f /tmp/codes.txt
kill $PID
