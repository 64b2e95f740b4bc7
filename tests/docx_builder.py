"""Build .docx fixtures at the XML level, so tests control every run, part and attribute.

``fixture_parts()`` returns the parts of one draft that hides a fictional name, Lorna
Pennyfeather, in every place a Word file can carry text: split over three differently
formatted runs, in a hyperlink and its mailto: target, a table cell, header and footer, a
comment and its author, tracked changes, a footnote, a text box (DrawingML and its VML
fallback), image alt text, core/app/custom properties, custom XML and a thumbnail.
``write_package()`` zips a parts dict into a file. Tests change the dict to make variants.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

FIRST = "Lorna"
SURNAME = "Pennyfeather"
NAME = f"{FIRST} {SURNAME}"
EMAIL = "lorna.pennyfeather@example.org"
WEBSITE = "https://example.org/pennyfeather"

_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
    'mc:Ignorable="w14 w15"'
)
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_CT_BASE = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
_MS_REL = "http://schemas.microsoft.com/office/2011/relationships/"
_EXTERNAL = ' TargetMode="External"'

# Run properties used by the split name; tests check they survive byte for byte.
RPR_BOLD = '<w:rPr><w:b/></w:rPr>'
RPR_ITALIC = '<w:rPr><w:i/><w:color w:val="C00000"/></w:rPr>'
RPR_UNDERLINE = '<w:rPr><w:u w:val="single"/><w:sz w:val="28"/></w:rPr>'


def run(text: str, rpr: str = "") -> str:
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def para(inner: str, style: str | None = None, ppr_extra: str = "") -> str:
    ppr = ""
    if style or ppr_extra:
        style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
        ppr = f"<w:pPr>{style_xml}{ppr_extra}</w:pPr>"
    return f"<w:p>{ppr}{inner}</w:p>"


def tiny_png() -> bytes:
    """A valid 1x1 white PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
        + chunk(b"IEND", b"")
    )


def _text_box(text: str) -> str:
    box = f"<w:txbxContent>{para(run(text))}</w:txbxContent>"
    return (
        "<w:r><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing>'
        '<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="2540000" cy="635000"/>'
        '<wp:docPr id="2" name="Text Box 2"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2540000" cy="635000"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        f"<wps:txbx>{box}</wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>"
        '<mc:Fallback><w:pict><v:shape id="TextBox2" style="width:200pt;height:50pt" o:spt="202">'
        f"<v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def _image() -> str:
    return (
        "<w:r><w:drawing>"
        '<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="952500" cy="952500"/>'
        f'<wp:docPr id="1" name="Picture 1" descr="Photo of {NAME}" title="{SURNAME} family"/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="{FIRST.lower()}.png" descr="Photo of {NAME}"/><pic:cNvPicPr/></pic:nvPicPr>'
        '<pic:blipFill><a:blip r:embed="rIdImg"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )


def _cell(inner: str, tcpr: str = "") -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/>{tcpr}</w:tcPr>{inner}</w:tc>'


def _table() -> str:
    nested = (
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid>'
        f"<w:tr>{_cell(para(run('Nested ' + SURNAME)))}</w:tr></w:tbl>"
    )
    span = '<w:gridSpan w:val="2"/>'
    restart = '<w:vMerge w:val="restart"/>'
    return (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
        '<w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>'
        f"<w:tr>{_cell(para(run('Name')))}{_cell(para(run(NAME)))}</w:tr>"
        f"<w:tr>{_cell(para(run('Seen at home')), span)}</w:tr>"
        f"<w:tr>{_cell(para(run('Visitor')), restart)}{_cell(nested + para(''))}</w:tr>"
        f"<w:tr>{_cell(para(''), '<w:vMerge/>')}{_cell(para(run('Visited by ' + FIRST)))}</w:tr>"
        "</w:tbl>"
    )


def document_xml() -> str:
    split_name = run("Lor", RPR_BOLD) + run("na Penny", RPR_ITALIC) + run("feather", RPR_UNDERLINE)
    body = "".join(
        [
            para(run("Serious Case Review"), "Title"),
            para(run("Background"), "Heading1"),
            para(
                run("The mother, ")
                + split_name
                + run(", attended.", RPR_BOLD)
                + '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
                + run(" Untouched ending.", RPR_ITALIC)
            ),
            para(
                run("Email: ")
                + f'<w:hyperlink r:id="rIdLink" w:tooltip="Write to {FIRST}" w:history="1">'
                + run(EMAIL, '<w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>')
                + "</w:hyperlink>"
            ),
            para(
                '<w:commentRangeStart w:id="0"/>'
                + run("A remark about the visit.")
                + '<w:commentRangeEnd w:id="0"/>'
                + '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>'
            ),
            para(
                run("Seen by ")
                + f'<w:del w:id="10" w:author="{NAME}" w:date="2020-01-01T00:00:00Z"><w:r><w:delText xml:space="preserve">{SURNAME} and </w:delText></w:r></w:del>'
                + f'<w:ins w:id="11" w:author="{NAME}" w:date="2020-01-01T00:00:00Z"><w:r><w:t>the social worker</w:t></w:r></w:ins>'
                + run(" today.")
            ),
            para(run("Agency involvement"), "ReviewHeading"),
            para(run("Health"), None, '<w:outlineLvl w:val="2"/>'),
            para(run(f"Health visitor spoke to {FIRST}.")),
            _table(),
            para(run("Text box follows.") + _text_box(f"Box about {NAME}")),
            para(_image()),
            para(
                f'<w:sdt><w:sdtPr><w:alias w:val="Subject"/></w:sdtPr><w:sdtContent>{run(SURNAME)}</w:sdtContent></w:sdt>'
                + run(" / ")
                + f'<w:fldSimple w:instr=" DOCPROPERTY Reviewer "><w:r><w:t>{FIRST}</w:t></w:r></w:fldSimple>'
                + run(" / ")
                + f'<w:smartTag w:uri="urn:example" w:element="place">{run(SURNAME + " Lane")}</w:smartTag>'
            ),
            '<w:sdt><w:sdtPr><w:alias w:val="Block"/></w:sdtPr><w:sdtContent>'
            + para(run("Block control for " + NAME))
            + "</w:sdtContent></w:sdt>",
            para(run("Contact\t" + SURNAME) + "<w:r><w:br/><w:t>Line two</w:t><w:noBreakHyphen/><w:t>end</w:t></w:r>"),
            para(run("Plain ", RPR_BOLD) + run("formatted", RPR_ITALIC) + run(" paragraph.", RPR_UNDERLINE)),
        ]
    )
    sect = (
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdHdr"/>'
        '<w:footerReference w:type="default" r:id="rIdFtr"/>'
        '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" '
        'w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>'
    )
    return f"{_DECL}<w:document {_NS}><w:body>{body}{sect}</w:body></w:document>"


def _styles() -> str:
    def style(style_id: str, name: str, extra: str = "") -> str:
        return f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>{extra}</w:style>'

    return (
        f"{_DECL}<w:styles {_NS}>"
        + style("Normal", "Normal")
        + style("Title", "Title", '<w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="56"/></w:rPr>')
        + style("Heading1", "heading 1", '<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr>')
        + style("Heading2", "heading 2", '<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr>')
        + style("ReviewHeading", "Review Heading", '<w:basedOn w:val="Heading2"/>')
        + '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:u w:val="single"/></w:rPr></w:style>'
        + "</w:styles>"
    )


def _rels(entries: list[tuple[str, str, str, bool]]) -> str:
    body = "".join(
        f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"{_EXTERNAL if external else ""}/>'
        for rid, kind, target, external in entries
    )
    return f'{_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>'


def fixture_parts() -> dict[str, bytes]:
    """The parts of the full fixture, in zip order. A fresh dict each call."""
    content_types = (
        f'{_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="png" ContentType="image/png"/>'
        '<Default Extension="jpeg" ContentType="image/jpeg"/>'
        f'<Override PartName="/word/document.xml" ContentType="{_CT_BASE}document.main+xml"/>'
        f'<Override PartName="/word/styles.xml" ContentType="{_CT_BASE}styles+xml"/>'
        f'<Override PartName="/word/settings.xml" ContentType="{_CT_BASE}settings+xml"/>'
        f'<Override PartName="/word/header1.xml" ContentType="{_CT_BASE}header+xml"/>'
        f'<Override PartName="/word/footer1.xml" ContentType="{_CT_BASE}footer+xml"/>'
        f'<Override PartName="/word/footnotes.xml" ContentType="{_CT_BASE}footnotes+xml"/>'
        f'<Override PartName="/word/comments.xml" ContentType="{_CT_BASE}comments+xml"/>'
        f'<Override PartName="/word/commentsExtended.xml" ContentType="{_CT_BASE}commentsExtended+xml"/>'
        f'<Override PartName="/word/people.xml" ContentType="{_CT_BASE}people+xml"/>'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
        '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>'
        "</Types>"
    )
    package_rels = _rels(
        [
            ("rId1", _REL + "officeDocument", "word/document.xml", False),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml", False),
            ("rId3", _REL + "extended-properties", "docProps/app.xml", False),
            ("rId4", _REL + "custom-properties", "docProps/custom.xml", False),
            ("rId5", _PKG_REL + "thumbnail", "docProps/thumbnail.jpeg", False),
        ]
    )
    document_rels = _rels(
        [
            ("rIdStyles", _REL + "styles", "styles.xml", False),
            ("rIdSettings", _REL + "settings", "settings.xml", False),
            ("rIdHdr", _REL + "header", "header1.xml", False),
            ("rIdFtr", _REL + "footer", "footer1.xml", False),
            ("rIdFn", _REL + "footnotes", "footnotes.xml", False),
            ("rIdCom", _REL + "comments", "comments.xml", False),
            ("rIdComEx", _MS_REL + "commentsExtended", "commentsExtended.xml", False),
            ("rIdPeople", _MS_REL + "people", "people.xml", False),
            ("rIdLink", _REL + "hyperlink", f"mailto:{EMAIL}", True),
            ("rIdWeb", _REL + "hyperlink", WEBSITE, True),
            ("rIdImg", _REL + "image", "media/image1.png", False),
            ("rIdCx", _REL + "customXml", "../customXml/item1.xml", False),
        ]
    )
    header = f"{_DECL}<w:hdr {_NS}>{para(run('Confidential: ' + NAME))}</w:hdr>"
    footer = f"{_DECL}<w:ftr {_NS}>{para(run('Prepared by ' + SURNAME))}</w:ftr>"
    footnotes = (
        f"{_DECL}<w:footnotes {_NS}>"
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:id="1">{para("<w:r><w:footnoteRef/></w:r>" + run(" Statement by " + SURNAME + ", 2019."))}</w:footnote>'
        "</w:footnotes>"
    )
    comments = (
        f"{_DECL}<w:comments {_NS}>"
        f'<w:comment w:id="0" w:author="{NAME}" w:initials="LP" w:date="2020-01-01T00:00:00Z">'
        f'{para(run("Check this with " + FIRST))}</w:comment></w:comments>'
    )
    comments_ex = f'{_DECL}<w15:commentsEx {_NS}><w15:commentEx w15:paraId="00000001" w15:done="0"/></w15:commentsEx>'
    people = (
        f'{_DECL}<w15:people {_NS}><w15:person w15:author="{NAME}">'
        f'<w15:presenceInfo w15:providerId="None" w15:userId="{EMAIL}"/></w15:person></w15:people>'
    )
    settings = f'{_DECL}<w:settings {_NS}><w:trackRevisions/><w:defaultTabStop w:val="720"/></w:settings>'
    core = (
        f"{_DECL}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>Review of {NAME}</dc:title><dc:subject>{SURNAME} family</dc:subject>"
        f"<dc:creator>{NAME}</dc:creator><cp:keywords>{SURNAME}</cp:keywords>"
        f"<dc:description>Draft by {FIRST}</dc:description><cp:lastModifiedBy>{NAME}</cp:lastModifiedBy>"
        "<cp:revision>3</cp:revision>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2020-01-01T00:00:00Z</dcterms:created>'
        "</cp:coreProperties>"
    )
    app = (
        f'{_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Application>Microsoft Office Word</Application><Pages>1</Pages><Company>{SURNAME} Associates</Company>"
        f"<Manager>{NAME}</Manager></Properties>"
    )
    custom = (
        f'{_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Reviewer">'
        f"<vt:lpwstr>{NAME}</vt:lpwstr></property></Properties>"
    )
    custom_item = f"{_DECL}<case><person>{NAME}</person></case>"
    custom_props = (
        f'{_DECL}<ds:datastoreItem ds:itemID="{{11111111-2222-3333-4444-555555555555}}" '
        'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>'
    )
    custom_item_rels = _rels([("rId1", _REL + "customXmlProps", "itemProps1.xml", False)])
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": content_types,
        "_rels/.rels": package_rels,
        "word/document.xml": document_xml(),
        "word/_rels/document.xml.rels": document_rels,
        "word/styles.xml": _styles(),
        "word/settings.xml": settings,
        "word/header1.xml": header,
        "word/footer1.xml": footer,
        "word/footnotes.xml": footnotes,
        "word/comments.xml": comments,
        "word/commentsExtended.xml": comments_ex,
        "word/people.xml": people,
        "word/media/image1.png": tiny_png(),
        "docProps/core.xml": core,
        "docProps/app.xml": app,
        "docProps/custom.xml": custom,
        "docProps/thumbnail.jpeg": b"\xff\xd8\xff\xe0 not really a jpeg " + NAME.encode(),
        "customXml/item1.xml": custom_item,
        "customXml/itemProps1.xml": custom_props,
        "customXml/_rels/item1.xml.rels": custom_item_rels,
    }
    return {name: data.encode("utf-8") if isinstance(data, str) else data for name, data in parts.items()}


def minimal_parts(body_xml: str) -> dict[str, bytes]:
    """A bare package: content types, package rels and a document with ``body_xml``."""
    content_types = (
        f'{_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{_CT_BASE}document.main+xml"/></Types>'
    )
    rels = _rels([("rId1", _REL + "officeDocument", "word/document.xml", False)])
    document = f"{_DECL}<w:document {_NS}><w:body>{body_xml}<w:sectPr/></w:body></w:document>"
    return {
        "[Content_Types].xml": content_types.encode(),
        "_rels/.rels": rels.encode(),
        "word/document.xml": document.encode(),
    }


def write_package(path: Path, parts: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression=compression) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def build_docx(path: Path) -> Path:
    """Write the full fixture to ``path``."""
    return write_package(path, fixture_parts())
