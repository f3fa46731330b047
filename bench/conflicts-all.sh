#!/usr/bin/env bash
# Every run of the conflict engine benchmark behind BENCHMARKS.md, one after the other (about an
# hour on 2 cores), then the summary tables. Needs PostgreSQL + PostGIS at BENCH_DATABASE_URL
# (default postgres://digonce:digonce@127.0.0.1:5432).
set -euo pipefail
cd "$(dirname "$0")/.."
run() { npm run --silent bench:conflicts -- "$@"; }
for db in postgres pglite; do
  run --db=$db --dataset=dense --n=1000
  run --db=$db --dataset=dense --n=5000
  run --db=$db --dataset=dense --n=10000
  run --db=$db --dataset=province --n=1000
  run --db=$db --dataset=province --n=10000
done
run --db=postgres --dataset=province --n=100000
run --db=pglite --dataset=province --n=100000 --repeat=2
npx tsx bench/report.ts
