#!/usr/bin/env bash
# aikg's benchmarks, in one command, from the repository's root:
#
#   src/bench/run.sh                    everything, on the ~1M-triple corpus (about 25 minutes)
#   src/bench/run.sh convert            one benchmark (or several: convert incremental load startup startup-store memory sparql search serve
#                                       download bulkhead fragments soak watch publish patch)
#   src/bench/run.sh --sources 400      a smaller corpus (its own folder), same benchmarks
#   src/bench/run.sh --quick            a smoke run: 400 sources, 2 runs, short wrk and soak (checks that all works; not a result)
#
# Other options go to org.aikg.bench.Benchmarks: --reps N, --startup-reps N, --warmup S, --duration S,
# --soak S, --seed N (the seed also names the corpus). --no-build skips the Maven build. --big-sources N (45000; 0: none)
# sets the corpus ten times larger that startup-store also starts on (generated, then loaded with aikg load, once).
#
# Installs wrk with apt-get if it is missing, builds (mvn -q -B -DskipTests package test-compile),
# generates the synthetic corpus with org.aikg.corpus.CorpusGenerator under target/bench/ if absent,
# then runs the benchmarks. Everything it writes goes under target/bench/ (results-*.md, logs/).
set -euo pipefail
cd "$(dirname "$0")/../.."

SOURCES=4500   # 4,500 synthetic sources: 1,012,193 triples in the union graph with seed 42
SEED=42
BUILD=1
BIG=45000
ARGS=()
CHOSEN=()
while [ $# -gt 0 ]; do
  case "$1" in
    --sources) SOURCES="$2"; shift 2 ;;
    --seed) SEED="$2"; ARGS+=(--seed "$2"); shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --big-sources) BIG="$2"; shift 2 ;;
    --quick) SOURCES=400; BIG=0; ARGS+=(--reps 2 --startup-reps 2 --warmup 2 --duration 5 --soak 15); shift ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) ARGS+=("$1"); shift ;;
    *) CHOSEN+=("$1"); ARGS+=("$1"); shift ;;
  esac
done

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk (apt-get) ..."
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q >/dev/null
  $SUDO apt-get install -y -q wrk >/dev/null
fi
command -v wrk >/dev/null || { echo "run.sh: wrk is missing and could not be installed" >&2; exit 1; }

if [ "$BUILD" = 1 ]; then
  echo "building (mvn -q -B -DskipTests package test-compile) ..."
  mvn -q -B -DskipTests package test-compile
fi
CP="target/test-classes:target/aikg.jar"

if [ "$SOURCES" = 4500 ] && [ "$SEED" = 42 ]; then
  CORPUS=target/bench/corpus
else
  CORPUS="target/bench/corpus-$SOURCES-seed$SEED"
fi
MARK="sources=$SOURCES seed=$SEED"
if [ ! -f "$CORPUS/.generated" ] || [ "$(cat "$CORPUS/.generated")" != "$MARK" ]; then
  echo "generating the corpus: $SOURCES sources, seed $SEED, in $CORPUS ..."
  rm -rf "$CORPUS"
  java -cp "$CP" org.aikg.corpus.CorpusGenerator "$CORPUS" "$SOURCES" "$SEED"
  echo "$MARK" > "$CORPUS/.generated"
fi

# the big corpus, for startup-store only (its store is loaded by the harness the first time)
if [ "$BIG" != 0 ] && { [ ${#CHOSEN[@]} -eq 0 ] || [[ " ${CHOSEN[*]} " == *" startup-store "* ]] || [[ " ${CHOSEN[*]} " == *" all "* ]]; }; then
  BIGCORPUS="target/bench/corpus-$BIG-seed$SEED"
  BIGMARK="sources=$BIG seed=$SEED"
  if [ ! -f "$BIGCORPUS/.generated" ] || [ "$(cat "$BIGCORPUS/.generated")" != "$BIGMARK" ]; then
    echo "generating the big corpus: $BIG sources, seed $SEED, in $BIGCORPUS ..."
    rm -rf "$BIGCORPUS"
    java -cp "$CP" org.aikg.corpus.CorpusGenerator "$BIGCORPUS" "$BIG" "$SEED"
    echo "$BIGMARK" > "$BIGCORPUS/.generated"
  fi
  ARGS+=(--big-corpus "$BIGCORPUS")
fi

mkdir -p target/bench/logs
LOG="target/bench/logs/run-$(date +%Y%m%d-%H%M%S).log"
echo "running the benchmarks (console log: $LOG) ..."
java -Xmx8g -cp "$CP" org.aikg.bench.Benchmarks --corpus "$CORPUS" ${ARGS[@]+"${ARGS[@]}"} 2>&1 | tee "$LOG"
exit "${PIPESTATUS[0]}"
