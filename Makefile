# recoupe: `make demo` and `make test` do everything on a fresh Debian 12 machine
# (installing the Debian packages they need, when missing).
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRECOUPE_WERROR=ON

.PHONY: all deps build demo test bench fuzz clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)

# Ingests the shipped sample into a fresh database and shows its stories.
demo: build
	@rm -f $(BUILD)/demo.db $(BUILD)/demo.db-wal $(BUILD)/demo.db-shm
	$(BUILD)/recoupe ingest data/sample/news.jsonl --db $(BUILD)/demo.db
	$(BUILD)/recoupe stories --db $(BUILD)/demo.db --limit 12
	$(BUILD)/recoupe explain qn-8841377 --db $(BUILD)/demo.db

test: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

# Speed and quality against the peers, on ../shared's corpora (skipped when absent),
# then one micro-benchmark per stage on the shipped sample.
bench: build
	@scripts/install-deps.sh --bench
	@bench/run.sh $(BUILD)/recoupe
	@$(BUILD)/bench/recoupe_bench --benchmark_min_time=0.3

# The libFuzzer targets (clang, ASan, UBSan) in build-fuzz/fuzz/; scripts/run-fuzzers.sh runs them.
FUZZ_BUILD ?= build-fuzz
fuzz:
	@scripts/install-deps.sh --fuzz
	@CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRECOUPE_FUZZ=ON \
	  -DRECOUPE_BUILD_TESTS=OFF -DRECOUPE_BUILD_BENCH=OFF >/dev/null
	@cmake --build $(FUZZ_BUILD) -j$(JOBS) --target fuzzers
	@echo "fuzzers built in $(FUZZ_BUILD)/fuzz/: run scripts/run-fuzzers.sh [SECONDS] [TARGET...]"

clean:
	rm -rf $(BUILD) $(FUZZ_BUILD)
