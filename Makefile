# recoupe: `make demo` and `make test` do everything on a fresh Debian 12 machine
# (installing the Debian packages they need, when missing).
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRECOUPE_WERROR=ON

.PHONY: all deps build demo test bench clean entities-model

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

# Retrains the entity tagger (data/models/entities_fr.bin, embedded in the binary) on the data it may be
# trained on (scripts/train-entities.sh says which), then rebuilds. Needs ../shared; takes seconds.
entities-model: build
	@scripts/train-entities.sh $(BUILD)/recoupe data/models/entities_fr.bin
	@cmake --build $(BUILD) -j$(JOBS)

clean:
	rm -rf $(BUILD)
