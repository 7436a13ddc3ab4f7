# The common start of the benchmark scripts (sourced): the repo root as working folder, the recoupe binary
# under test as an absolute path, the two Pythons, and a polite exit when ../shared is missing.
#
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" "${1:-}"
#   need_shared NAME PATH      exits 0, saying so, when ../shared/PATH does not exist
#
# Sets root, recoupe (the first argument, else build/recoupe), shared, py (PYTHON, default python3) and
# peer_py (PEER_PYTHON, default /usr/bin/python3, where Debian's python3-sklearn and friends are).

bench_caller_dir=$PWD
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
recoupe=${1:-$root/build/recoupe}
case $recoupe in /*) ;; *) recoupe=$bench_caller_dir/$recoupe ;; esac
cd "$root"
shared=../shared
py=${PYTHON:-python3}
peer_py=${PEER_PYTHON:-/usr/bin/python3}

need_shared() {
    if [ ! -e "$shared/$2" ]; then
        echo "$1: $root/../shared${2:+/$2} not found; it holds the corpora and gold sets the benchmark needs. Skipping."
        exit 0
    fi
}
