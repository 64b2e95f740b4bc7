"""Every error anonymiser raises, and the one-line messages they carry.

::

    AnonymiserError                 catch-all for callers
    ├─ InputError                   a draft that cannot be read; names the file
    │  ├─ UnsupportedFileType
    │  ├─ EmptyDocument
    │  ├─ CorruptDocument
    │  ├─ EncryptedDocument
    │  ├─ DocumentTooLarge
    │  ├─ UnsafeDocument            entity expansion, external entities, DTDs
    │  └─ NotUtf8
    ├─ ConfigError                  a YAML, case or review file that is wrong; names file and entry
    │  └─ SettingsMismatch          a previous review made with other settings (carry-over)
    ├─ ModelNotInstalled            the spaCy model package is missing; never downloads
    ├─ ReviewMismatch               a review log made from a different draft
    └─ VerificationError            a redacted string survived; names the part and place only

Messages never contain original text from a draft: that lives only in the owner-only review
log. Each message says what failed, where, and what to do.
"""

from __future__ import annotations

from pathlib import Path


class AnonymiserError(Exception):
    """Base class: anything anonymiser raises on purpose."""


class InputError(AnonymiserError):
    """A draft that cannot be processed. The message starts with the file name."""

    problem = "cannot be read"

    def __init__(self, path: Path | str, detail: str | None = None) -> None:
        self.path = str(path)
        self.detail = detail
        text = f"{self.path}: {self.problem}"
        if detail:
            text += f" ({detail})"
        super().__init__(text)


class UnsupportedFileType(InputError):
    problem = "unsupported file type; anonymiser reads .docx, .txt and .md"


class MissingFile(InputError):
    problem = "file not found"


class EmptyDocument(InputError):
    problem = "the document is empty: there is no text to anonymise"


class CorruptDocument(InputError):
    problem = "the file is damaged or is not a Word document"


class EncryptedDocument(InputError):
    problem = "the document is password-protected; remove the password in Word and try again"


class DocumentTooLarge(InputError):
    problem = "the document is larger than anonymiser will open"


class UnsafeDocument(InputError):
    problem = "the document contains unsafe XML and was refused"


class NotUtf8(InputError):
    problem = "the text file is not UTF-8; save it as UTF-8 and try again"


class ConfigError(AnonymiserError):
    """A pattern, policy, case or review file that is missing or wrong."""


class SettingsMismatch(ConfigError):
    """A previous review made with another policy, scope, patterns or case file, whose
    decisions cannot be carried over as they are. The message says what differs and what
    to run instead."""


class ModelNotInstalled(AnonymiserError):
    """The configured spaCy model is not installed; anonymiser never downloads one."""


class ReviewMismatch(AnonymiserError):
    """A review log that was made from a different draft."""


class VerificationError(AnonymiserError):
    """A redacted string survived in the written output. The output has been deleted."""
