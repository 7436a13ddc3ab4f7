# recoupe: `make demo` and `make test` do everything on a fresh Debian 12 machine
# (installing the Debian packages they need, when missing).
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRECOUPE_WERROR=ON

.PHONY: all deps build demo serve test bench fuzz clean entities-model

all: build

deps:
	@scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)

PORT ?= 8080

# Ingests the shipped sample into a fresh database, shows its stories, then serves it to a browser.
# Serving waits for Ctrl-C, so it happens only when a person runs this (stdin is a terminal); a script
# or CI gets the command to run instead, and the target finishes.
demo: build
	@rm -f $(BUILD)/demo.db $(BUILD)/demo.db-wal $(BUILD)/demo.db-shm
	$(BUILD)/recoupe ingest data/sample/news.jsonl --db $(BUILD)/demo.db
	$(BUILD)/recoupe stories --db $(BUILD)/demo.db --limit 12
	$(BUILD)/recoupe explain qn-8841377 --db $(BUILD)/demo.db
	@if [ -t 0 ]; then \
	  echo; echo "Serving the demo database: open the URL below in a browser (Ctrl-C stops)."; \
	  $(BUILD)/recoupe serve --db $(BUILD)/demo.db --port $(PORT); \
	else \
	  echo; echo "To read these stories in a browser: make serve   (then open http://127.0.0.1:$(PORT)/)"; \
	fi

# Serves the demo database (made by `make demo`, or now) at http://127.0.0.1:$(PORT)/ until Ctrl-C.
serve: build
	@[ -f $(BUILD)/demo.db ] || $(BUILD)/recoupe ingest data/sample/news.jsonl --db $(BUILD)/demo.db
	$(BUILD)/recoupe serve --db $(BUILD)/demo.db --port $(PORT)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

# Speed and quality against the peers, on ../shared's corpora (skipped when absent),
# then one micro-benchmark per stage on the shipped sample.
bench: build
	@scripts/install-deps.sh --bench
	@bench/run.sh $(BUILD)/recoupe
	@$(BUILD)/bench/recoupe_bench --benchmark_min_time=0.3

# Retrains the entity tagger (data/models/entities_fr.bin, embedded in the binary) on the data it may be
# trained on (scripts/train-entities.sh says which), then rebuilds. Needs ../shared; takes seconds.
entities-model: build
	@scripts/train-entities.sh $(BUILD)/recoupe data/models/entities_fr.bin
	@cmake --build $(BUILD) -j$(JOBS)

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
