"""Keep third-party libraries off the network.

tldextract (used by Presidio's e-mail and URL recognisers) fetches the public suffix list on
first use unless told to use the copy bundled with it. We set that up before any recogniser
is built, whether or not those recognisers are enabled.
"""

from __future__ import annotations


def use_bundled_suffix_list() -> None:
    # Presidio calls the module-level tldextract.extract at match time, so replacing it with
    # an extractor that has no remote sources (it falls back to the bundled snapshot) is
    # enough. This is process-wide on purpose: no code path should ever fetch the list.
    try:
        import tldextract
        import tldextract.tldextract as impl
    except ImportError:  # pragma: no cover - tldextract comes with presidio
        return
    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    impl.TLD_EXTRACTOR = offline
    tldextract.extract = offline
