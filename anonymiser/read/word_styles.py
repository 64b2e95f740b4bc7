"""The names Word gives its own styles, the only style names an output keeps unread.

A style's name is typed by whoever made the style; Word marks the ones it did not make
itself ``w:customStyle``, but nothing stops a template or another program from leaving the
mark off ("Kezia Fairbairn", not custom). So a style is taken as Word's only when its name
is one of these: the built-in styles and the latent style list of Word 2007 to 365 (the
names Word writes in styles.xml, whatever the language of its menus). This is Word's
fixed catalogue, a fact of the file format like its part and element names, not a word list
a consultant edits, so it lives here and not in ``patterns/``.
"""

from __future__ import annotations

_PLAIN = (
    "Normal", "Normal Indent", "footnote text", "annotation text", "header", "footer", "index heading",
    "caption", "table of figures", "envelope address", "envelope return", "footnote reference",
    "annotation reference", "line number", "page number", "endnote reference", "endnote text",
    "table of authorities", "macro", "toa heading", "List", "List Bullet", "List Number", "Title", "Closing",
    "Signature", "Default Paragraph Font", "Body Text", "Body Text Indent", "List Continue", "Message Header",
    "Subtitle", "Salutation", "Date", "Body Text First Indent", "Body Text First Indent 2", "Note Heading",
    "Body Text 2", "Body Text 3", "Body Text Indent 2", "Body Text Indent 3", "Block Text", "Hyperlink",
    "FollowedHyperlink", "Strong", "Emphasis", "Document Map", "Plain Text", "E-mail Signature",
    "HTML Top of Form", "HTML Bottom of Form", "Normal (Web)", "HTML Acronym", "HTML Address", "HTML Cite",
    "HTML Code", "HTML Definition", "HTML Keyboard", "HTML Preformatted", "HTML Sample", "HTML Typewriter",
    "HTML Variable", "Normal Table", "annotation subject", "No List", "Table Contemporary", "Table Elegant",
    "Table Professional", "Balloon Text", "Table Grid", "Table Theme", "Placeholder Text", "No Spacing",
    "Revision", "List Paragraph", "Quote", "Intense Quote", "Subtle Emphasis", "Intense Emphasis",
    "Subtle Reference", "Intense Reference", "Book Title", "Bibliography", "TOC Heading", "Table Grid Light",
    "Mention", "Smart Hyperlink", "Hashtag", "Unresolved Mention", "Smart Link", "Macro Text",
    "Comment Text", "Comment Subject", "Comment Reference",
)
# A name followed by each number up to the last ("heading 1" ... "heading 9").
_NUMBERED = {
    "heading": 9, "index": 9, "toc": 9, "List": 5, "List Bullet": 5, "List Number": 5, "List Continue": 5,
    "Outline List": 3, "Table Simple": 3, "Table Classic": 4, "Table Colorful": 3, "Table Columns": 5,
    "Table Grid": 8, "Table List": 8, "Table 3D effects": 3, "Table Subtle": 2, "Table Web": 3,
    "Plain Table": 5,
}
# Table styles in their plain colour and in each of the theme's six accents ("Light Shading
# Accent 1"; Word 2013's "Grid Table 4 Accent 2").
_WITH_ACCENTS = (
    "Light Shading", "Light List", "Light Grid", "Medium Shading 1", "Medium Shading 2", "Medium List 1",
    "Medium List 2", "Medium Grid 1", "Medium Grid 2", "Medium Grid 3", "Dark List", "Colorful Shading",
    "Colorful List", "Colorful Grid", "Grid Table 1 Light", "Grid Table 2", "Grid Table 3", "Grid Table 4",
    "Grid Table 5 Dark", "Grid Table 6 Colorful", "Grid Table 7 Colorful", "List Table 1 Light", "List Table 2",
    "List Table 3", "List Table 4", "List Table 5 Dark", "List Table 6 Colorful", "List Table 7 Colorful",
)


def _catalogue() -> frozenset[str]:
    names = set(_PLAIN)
    names |= {f"{stem} {n}" for stem, last in _NUMBERED.items() for n in range(1, last + 1)}
    names |= {f"{stem}{accent}" for stem in _WITH_ACCENTS for accent in ["", *(f" Accent {n}" for n in range(1, 7))]}
    return frozenset(name.casefold() for name in names)


WORD_STYLE_NAMES = _catalogue()


def word_style_name(name: str) -> bool:
    """Whether ``name`` is one of Word's own style names, or the character style Word links
    to one ("Heading 1 Char"), without regard to case."""
    folded = " ".join(name.split()).casefold()
    if folded.endswith(" char"):
        folded = folded[: -len(" char")]
    return folded in WORD_STYLE_NAMES


def word_style_id(style_id: str) -> bool:
    """Whether ``style_id`` is the id Word makes of one of its own style names (its spaces
    taken out: "heading 1" is "Heading1")."""
    return _squeezed(style_id) in _IDS


def _squeezed(text: str) -> str:
    return "".join(text.split()).casefold()


_IDS = frozenset(_squeezed(name) for name in WORD_STYLE_NAMES) | frozenset(
    _squeezed(name) + "char" for name in WORD_STYLE_NAMES
)
