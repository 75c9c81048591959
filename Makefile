# The two set-up commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
REPORT := data/reports/qingpu-2024.txt

.PHONY: install demo test neo4j-stop clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@mkdir -p out
	$(BIN)/govkg extract $(REPORT) -o out/qingpu-2024.json
	$(BIN)/govkg export $(REPORT) --format turtle -o out/qingpu-2024.ttl
	$(BIN)/govkg export $(REPORT) --format jsonld -o out/qingpu-2024.jsonld
	$(BIN)/govkg validate out/qingpu-2024.ttl
	$(BIN)/govkg viz $(REPORT) --html out/network.html --png out/network.png
	@if [ -z "$$NEO4J_URI" ]; then $(BIN)/govkg neo4j start; fi
	$(BIN)/govkg load $(REPORT)
	$(BIN)/govkg query cross_border_points
	$(BIN)/govkg browser -o out/browser
	@echo "Pictures: out/network.html, out/network.png; RDF: out/qingpu-2024.ttl (govkg sparql NAME --data out/qingpu-2024.ttl)"
	@$(BIN)/govkg neo4j status 2>/dev/null || echo "Loaded into $$NEO4J_URI"

test: $(STAMP)
	$(BIN)/pytest

neo4j-stop: $(STAMP)
	$(BIN)/govkg neo4j stop

clean:
	rm -rf out build *.egg-info

# Benchmarks at small sizes (a few minutes); `$(BIN)/python -m bench.run --full` adds 1,000 reports.
.PHONY: bench
bench: $(STAMP)
	$(BIN)/python -m bench.run
