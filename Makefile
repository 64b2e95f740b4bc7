# The two commands the README promises:
#   make demo  - set up .venv and anonymise the sample drafts in corpus_samples/
#   make test  - set up .venv and run the whole test suite
# `make setup` alone creates .venv with the pinned dependencies and the spaCy model.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT ?= out
STAMP := $(VENV)/.installed

.PHONY: setup demo test test-system eval eval-tab bench clean

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# LibreOffice converts outputs to PDF in the tests (does the output open in a word
# processor?) and Chromium runs the review screen's browser tests (driven by Playwright
# with the system browser; Playwright never downloads one). Both come from Debian's
# packages and are installed only when missing.
test-system:
	@command -v soffice >/dev/null 2>&1 || { \
	  echo "installing libreoffice-writer-nogui for the conversion tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null) \
	  || echo "warning: could not install LibreOffice; conversion tests will say so"; }
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing chromium for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "warning: could not install Chromium; browser tests skip locally and fail in CI"; }

# Each sample draft comes as .docx and .txt with the same name; their review logs would share
# a name, so the two formats go to separate folders.
demo: setup
	rm -rf $(OUT)
	$(BIN)/anonymiser redact corpus_samples/*.docx --out $(OUT)/findings --case corpus_samples/case.yml
	$(BIN)/anonymiser redact corpus_samples/*.docx --out $(OUT)/full --case corpus_samples/case.yml --scope full
	$(BIN)/anonymiser redact corpus_samples/*.txt --out $(OUT)/text --case corpus_samples/case.yml
	$(BIN)/anonymiser appendix corpus_samples/imr_*.docx --out $(OUT)/appendix/appendix.docx --case corpus_samples/case.yml
	$(BIN)/anonymiser redact corpus_samples/second_case/*.docx --out $(OUT)/second_case --case corpus_samples/second_case/case.yml
	@echo
	@echo "Outputs:"
	@echo "  findings-only reports (.docx) and review logs: $(OUT)/findings/"
	@echo "  whole-document anonymisation (.docx):          $(OUT)/full/"
	@echo "  findings-only reports from the .txt drafts:    $(OUT)/text/"
	@echo "  appendix of the IMRs' recommendations:         $(OUT)/appendix/appendix.docx (and .txt)"
	@echo "  the second case (Child R), findings-only:      $(OUT)/second_case/"

test: setup test-system
	$(BIN)/python -m pytest -q

eval: setup
	@echo "== The Westmere case (Child F), on which the rules were tuned: corpus_samples/"
	$(BIN)/anonymiser eval corpus_samples/
	@echo "== The second case (Child R, Calderbrook), written in session 13: corpus_samples/second_case/"
	$(BIN)/anonymiser eval corpus_samples/second_case/

eval-tab: setup
	$(BIN)/anonymiser eval tab ../shared/benchmarks/tab --policy strict --spans-out $(OUT)/tab-spans.json

bench: setup
	$(BIN)/python benchmarks/throughput.py --repeat 2

clean:
	rm -rf $(OUT) .pytest_cache
