"""Words a package carries off the page: imported chunks, bookmark and form-field names,
drop-down choices, WordArt, document variables, the template path, XML comments.

Each draft names a person in the body (so the name is redacted and verification searches
for it) and again in one hidden place. Before these fixes the hidden copy was published by
a run that reported "verification passed": an HTML chunk (w:altChunk) was a binary part
nobody read or searched, and a bookmark "Declan_Whitlow" or a form field "LornaPennyfeather"
is not the whole word the verifier looked for. A name that is only in a drop-down's
choices was never read at all.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.detect.names import Variant
from anonymiser.pipeline import process_document
from anonymiser.read.docx import read_docx
from anonymiser.read.limits import InputLimits
from anonymiser.settings import Settings
from anonymiser.verify.rescan import verify_output
from tests.docx_builder import _REL, _rels, minimal_parts, para, run, write_package

BODY = para(run("Her brother Declan Whitlow visited the home. Mr Whitlow said little."))
HIDDEN = ("Declan", "Whitlow", "Shauna", "Kettleby")


def _draft(tmp_path: Path, extra: str, parts: dict[str, str] | None = None, rels: list | None = None) -> Path:
    built = minimal_parts(BODY + extra)
    if rels:
        built["word/_rels/document.xml.rels"] = _rels(rels).encode()
    for name, text in (parts or {}).items():
        built[name] = text.encode() if isinstance(text, str) else text
    return write_package(tmp_path / "draft.docx", built)


def _run(tmp_path: Path, draft: Path, settings: Settings, detector: Detector) -> dict[str, bytes]:
    out = tmp_path / "out"
    process_document(draft, out, settings, detector)
    with zipfile.ZipFile(out / "draft.anonymised.docx") as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _assert_gone(parts: dict[str, bytes]) -> None:
    for name, data in parts.items():
        for word in HIDDEN:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert word.lower().encode(encoding) not in data.lower(), (name, word, encoding)


def test_an_imported_html_chunk_is_removed_with_its_anchor(tmp_path: Path, settings: Settings, detector: Detector) -> None:
    draft = _draft(
        tmp_path,
        '<w:altChunk r:id="rA"/>',
        {"word/afchunk.htm": "<html><body><p>Declan Whitlow met Shauna Kettleby.</p></body></html>"},
        [("rA", _REL + "aFChunk", "afchunk.htm", False)],
    )
    notes = [n for n in read_docx(draft, InputLimits()).notes if n.kind == "unread part"]
    assert [n.where for n in notes] == ["word/afchunk.htm"]
    parts = _run(tmp_path, draft, settings, detector)
    _assert_gone(parts)
    assert b"altChunk" not in parts["word/document.xml"]


def test_bookmark_form_field_and_anchor_names_are_renumbered(
    tmp_path: Path, settings: Settings, detector: Detector
) -> None:
    extra = (
        '<w:p><w:bookmarkStart w:id="1" w:name="Declan_Whitlow"/><w:r><w:t>Anchor</w:t></w:r><w:bookmarkEnd w:id="1"/>'
        '<w:bookmarkStart w:id="2" w:name="_Toc123"/><w:bookmarkEnd w:id="2"/></w:p>'
        '<w:p><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="DeclanWhitlow"/></w:ffData></w:fldChar></w:r>'
        '<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        '<w:p><w:hyperlink w:anchor="Declan_Whitlow"><w:r><w:t>see above</w:t></w:r></w:hyperlink>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF Declan_Whitlow \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    parts = _run(tmp_path, _draft(tmp_path, extra), settings, detector)
    _assert_gone(parts)
    document = parts["word/document.xml"].decode()
    assert 'w:name="Bookmark1"' in document and 'w:anchor="Bookmark1"' in document and "REF Bookmark1" in document
    assert 'w:name="_Toc123"' in document  # Word's own names stay, for the table of contents


def test_drop_down_choices_and_wordart_are_read(tmp_path: Path, settings: Settings, detector: Detector) -> None:
    extra = para(
        '<w:sdt><w:sdtPr><w:alias w:val="Visitor"/><w:dropDownList>'
        '<w:listItem w:displayText="Shauna Kettleby" w:value="Shauna Kettleby"/></w:dropDownList></w:sdtPr>'
        f'<w:sdtContent>{run("Choose")}</w:sdtContent></w:sdt>'
    ) + para('<w:r><w:pict><v:shape id="s1" o:spt="136"><v:textpath string="Declan Whitlow"/></v:shape></w:pict></w:r>')
    parts = _run(tmp_path, _draft(tmp_path, extra), settings, detector)
    _assert_gone(parts)


def test_document_variables_template_path_and_xml_comments_are_removed(
    tmp_path: Path, settings: Settings, detector: Detector
) -> None:
    ns = minimal_parts("")["word/document.xml"].decode().split("<w:document ", 1)[1].split(">", 1)[0]
    draft = _draft(
        tmp_path,
        "<!-- ask Declan Whitlow -->" + para(run("after")),
        {
            "word/settings.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:settings {ns}><w:attachedTemplate r:id="rT"/>'
            '<w:docVars><w:docVar w:name="Reviewer" w:val="Declan Whitlow"/></w:docVars></w:settings>',
            "word/_rels/settings.xml.rels": _rels(
                [("rT", _REL + "attachedTemplate", "file:///C:/Users/dwhitlow/Declan%20Whitlow.dotm", True)]
            ),
        },
        [("rS", _REL + "settings", "settings.xml", False)],
    )
    _assert_gone(_run(tmp_path, draft, settings, detector))


@pytest.mark.parametrize(
    "line",
    ["![photo](images/declan_whitlow.jpg)", "https://example.org/?who=Declan%20Whitlow", "ref: DeclanWhitlow2019"],
)
def test_verification_reads_joined_words(tmp_path: Path, line: str) -> None:
    output = tmp_path / "out.md"
    output.write_text(f"The brother, Person A.\n{line}\n", encoding="utf-8")
    secrets = [Variant("Declan Whitlow", False), Variant("Whitlow", False)]
    report = verify_output(output, "md", secrets, InputLimits(), ["Person A"])
    assert not report.passed
    assert all("read as words" in hit for hit in report.hits)


def test_word_enumerations_are_not_read_as_names(tmp_path: Path) -> None:
    # "firstCol" in every table style must not become "Col", a short name's variant.
    from anonymiser.verify.rescan import _with_words, verify_chunks

    chunks = _with_words([("word/styles.xml: attribute type of tblStylePr (node 9)", "firstCol")])
    assert verify_chunks(chunks, [Variant("Col", True)]).passed


# -- session 6 red team: places a name or date survived in, found by unzipping outputs ------
# Shauna Kettleby is named only in the hidden place, so before these fixes nothing searched
# for her and verification passed; Declan Whitlow is named in the body too, so a copy of his
# name left behind failed the whole document instead of being cleaned.

_NS_DECL = minimal_parts("")["word/document.xml"].decode().split("<w:document ", 1)[1].split(">", 1)[0]


def _xml(root: str, inner: str, extra_ns: str = "") -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><{root} {_NS_DECL}{extra_ns}>{inner}</{root.split()[0]}>'


def test_a_date_pickers_stored_date_goes_with_its_text(tmp_path: Path, settings: Settings, detector: Detector) -> None:
    # The control shows "3 April 2015", which is redacted; its w:fullDate kept the date of
    # birth in ISO form, which no search for "3 April 2015" finds.
    extra = para(
        '<w:sdt><w:sdtPr><w:date w:fullDate="2015-04-03T00:00:00Z"><w:dateFormat w:val="d MMMM yyyy"/></w:date></w:sdtPr>'
        f'<w:sdtContent>{run("Declan was born on 3 April 2015")}</w:sdtContent></w:sdt>'
    )
    parts = _run(tmp_path, _draft(tmp_path, extra), settings, detector)
    assert b"2015-04-03" not in parts["word/document.xml"]
    assert b"<w:date" in parts["word/document.xml"]  # still a date picker


def test_verification_refuses_a_stored_date_or_a_named_part(tmp_path: Path) -> None:
    # The writer's removals are checked again on the output: a date picker's stored date, and
    # part names, which are in the zip's directory and not in any part's text.
    secrets = [Variant("Declan Whitlow", False), Variant("3 April 2015", False)]
    dated = minimal_parts(para('<w:sdt><w:sdtPr><w:date w:fullDate="2015-04-03T00:00:00Z"/></w:sdtPr>'
                               f'<w:sdtContent>{run("(date)")}</w:sdtContent></w:sdt>'))
    report = verify_output(write_package(tmp_path / "dated.docx", dated), "docx", secrets, InputLimits(), ["(date)"])
    assert not report.passed and "fullDate" in report.hits[0]
    named = minimal_parts(para(run("Person A")))
    named["word/media/declan_whitlow.png"] = b"\x89PNG\r\n\x1a\n"
    report = verify_output(write_package(tmp_path / "named.docx", named), "docx", secrets, InputLimits(), ["Person A"])
    assert not report.passed and "part name" in report.hits[0]


def test_picture_parts_get_neutral_names(tmp_path: Path, settings: Settings, detector: Detector) -> None:
    from tests.docx_builder import tiny_png

    picture = (
        '<w:r><w:drawing><wp:inline><wp:extent cx="9525" cy="9525"/><wp:docPr id="1" name="Picture 1"/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
        '<pic:nvPicPr><pic:cNvPr id="0" name="Picture"/><pic:cNvPicPr/></pic:nvPicPr>'
        '<pic:blipFill><a:blip r:embed="rP"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing></w:r>"
    )
    draft = _draft(
        tmp_path,
        para(picture) + para(picture.replace("rP", "rW")),
        {"word/media/shauna_kettleby.png": tiny_png(), "word/media/Declan Whitlow.png": tiny_png()},
        [("rP", _REL + "image", "media/shauna_kettleby.png", False), ("rW", _REL + "image", "media/Declan%20Whitlow.png", False)],
    )
    parts = _run(tmp_path, draft, settings, detector)
    _assert_gone({**parts, **{name: b"" for name in parts}, "part names": "\n".join(parts).encode()})
    rels = parts["word/_rels/document.xml.rels"].decode()
    media = sorted(n for n in parts if n.startswith("word/media/"))
    assert media == ["word/media/image1.png", "word/media/image2.png"]
    assert all(f'Target="{n.removeprefix("word/")}"' in rels for n in media)


def test_mail_merge_and_transform_settings_are_removed(tmp_path: Path, settings: Settings, detector: Detector) -> None:
    settings_xml = _xml(
        "w:settings",
        '<w:mailMerge><w:mainDocumentType w:val="formLetters"/><w:dataType w:val="native"/>'
        '<w:connectString w:val="Data Source=C:\\Users\\shauna.kettleby\\Documents\\Kettleby family.xlsx"/>'
        "<w:query w:val=\"SELECT * FROM `Declan Whitlow$`\"/><w:dataSource r:id=\"rD\"/>"
        '<w:odso><w:table w:val="Kettleby$"/><w:fieldMapData><w:name w:val="Kettleby"/></w:fieldMapData>'
        '<w:recipientData r:id="rR"/></w:odso></w:mailMerge>'
        '<w:captions><w:caption w:name="Kettleby figure"/></w:captions>'
        '<w:saveThroughXslt r:id="rX" w:solutionID="Kettleby solution"/>',
    )
    draft = _draft(
        tmp_path,
        "",
        {
            "word/settings.xml": settings_xml,
            "word/_rels/settings.xml.rels": _rels(
                [
                    ("rD", _REL + "mailMergeSource", "file:///C:/Users/shauna.kettleby/Kettleby%20family.xlsx", True),
                    ("rR", _REL + "recipientData", "recipientData.xml", False),
                    ("rX", _REL + "transform", "file:///C:/Users/shauna.kettleby/t.xslt", True),
                ]
            ),
            "word/recipientData.xml": _xml("w:recipients", "<w:recipientData><w:uniqueTag>S2V0dGxlYnk=</w:uniqueTag></w:recipientData>"),
        },
        [("rS", _REL + "settings", "settings.xml", False)],
    )
    parts = _run(tmp_path, draft, settings, detector)
    _assert_gone(parts)
    assert "word/recipientData.xml" not in parts


def test_style_names_and_list_labels_are_read(tmp_path: Path, settings: Settings, detector: Detector) -> None:
    # A style called after the child shows in Word's style gallery; a list's label text
    # ("Shauna Kettleby 1.") is drawn on the page before each item. The style's id is made
    # from its name ("ShaunaKettlebynotes"), so it is renamed with every reference to it.
    styles = _xml(
        "w:styles",
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:customStyle="1" w:styleId="ShaunaKettlebynotes"><w:name w:val="Shauna Kettleby notes"/>'
        '<w:aliases w:val="Shauna Kettleby para"/><w:basedOn w:val="Normal"/><w:next w:val="ShaunaKettlebynotes"/></w:style>',
    )
    numbering = _xml(
        "w:numbering",
        '<w:abstractNum w:abstractNumId="0"><w:name w:val="Shauna Kettleby list"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Shauna Kettleby %1."/></w:lvl>'
        '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
    )
    body = para(run("First item."), "ShaunaKettlebynotes", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
    draft = _draft(
        tmp_path,
        body,
        {"word/styles.xml": styles, "word/numbering.xml": numbering},
        [("rSt", _REL + "styles", "styles.xml", False), ("rN", _REL + "numbering", "numbering.xml", False)],
    )
    parts = _run(tmp_path, draft, settings, detector)
    _assert_gone(parts)
    style_id = parts["word/styles.xml"].decode().split('w:customStyle="1" w:styleId="', 1)[1].split('"', 1)[0]
    assert f'w:pStyle w:val="{style_id}"' in parts["word/document.xml"].decode()
    assert f'w:next w:val="{style_id}"' in parts["word/styles.xml"].decode()
    assert b"%1." in parts["word/numbering.xml"]


def test_theme_and_building_block_names_are_neutral(tmp_path: Path, settings: Settings, detector: Detector) -> None:
    theme = (
        '<?xml version="1.0" encoding="UTF-8"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'name="Kettleby theme"><a:themeElements><a:clrScheme name="Kettleby colours"/><a:fontScheme name="Kettleby fonts"/>'
        '<a:fmtScheme name="Kettleby"/></a:themeElements></a:theme>'
    )
    glossary = _xml(
        "w:glossaryDocument",
        '<w:docParts><w:docPart><w:docPartPr><w:name w:val="KettlebyPlaceholder"/><w:category><w:name w:val="General"/>'
        '<w:gallery w:val="placeholder"/></w:category></w:docPartPr><w:docPartBody>'
        f'{para(run("Click here"))}</w:docPartBody></w:docPart></w:docParts>',
    )
    extra = (
        '<w:sdt><w:sdtPr><w:placeholder><w:docPart w:val="KettlebyPlaceholder"/></w:placeholder><w:showingPlcHdr/></w:sdtPr>'
        f'<w:sdtContent>{para(run("Click here"))}</w:sdtContent></w:sdt>'
    )
    draft = _draft(
        tmp_path,
        extra,
        {"word/theme/theme1.xml": theme, "word/glossary/document.xml": glossary},
        [("rT", _REL + "theme", "theme/theme1.xml", False), ("rG", _REL + "glossaryDocument", "glossary/document.xml", False)],
    )
    parts = _run(tmp_path, draft, settings, detector)
    _assert_gone(parts)
    name = parts["word/glossary/document.xml"].decode().split('<w:docPartPr><w:name w:val="', 1)[1].split('"', 1)[0]
    assert f'<w:docPart w:val="{name}"/>' in parts["word/document.xml"].decode()


def test_chart_formulas_and_diagram_attributes(tmp_path: Path, settings: Settings, detector: Detector) -> None:
    c_ns = ' xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"'
    chart = _xml(
        "c:chartSpace",
        "<c:chart><c:plotArea><c:barChart><c:ser><c:cat><c:strRef><c:f>'Kettleby data'!$A$2:$A$3</c:f><c:strCache>"
        '<c:pt idx="0"><c:v>Visits</c:v></c:pt></c:strCache></c:strRef></c:cat></c:ser></c:barChart></c:plotArea></c:chart>',
        c_ns,
    )
    dgm_ns = ' xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram"'
    data = _xml(
        "dgm:dataModel",
        '<dgm:ptLst><dgm:pt modelId="1"><dgm:prSet phldrT="Shauna Kettleby"/><dgm:t><a:p><a:r><a:t>Mother</a:t></a:r></a:p></dgm:t></dgm:pt></dgm:ptLst>',
        dgm_ns,
    )
    layout = _xml("dgm:layoutDef", '<dgm:title val="Shauna Kettleby layout"/><dgm:desc val="Drawn by Shauna Kettleby"/>', dgm_ns)
    dsp_ns = ' xmlns:dsp="http://schemas.microsoft.com/office/drawing/2008/diagram"'
    drawing = _xml(
        "dsp:drawing",
        '<dsp:spTree><dsp:sp><dsp:nvSpPr><dsp:cNvPr id="1" name="Shauna Kettleby box" descr="Shauna Kettleby"/></dsp:nvSpPr>'
        "<dsp:txBody><a:p><a:r><a:t>Mother</a:t></a:r></a:p></dsp:txBody></dsp:sp></dsp:spTree>",
        dsp_ns,
    )
    draft = _draft(
        tmp_path,
        "",
        {
            "word/charts/chart1.xml": chart,
            "word/diagrams/data1.xml": data,
            "word/diagrams/layout1.xml": layout,
            "word/diagrams/drawing1.xml": drawing,
        },
    )
    parts = _run(tmp_path, draft, settings, detector)
    _assert_gone(parts)
    assert b"!$A$2:$A$3</c:f>" in parts["word/charts/chart1.xml"]


@pytest.mark.parametrize(
    ("where", "extra", "rels"),
    [
        ("link target", para('<w:hyperlink r:id="rL">' + run("her page") + "</w:hyperlink>"),
         [("rL", _REL + "hyperlink", "https://example.org/staff?who=Shauna%20Kettleby", True)]),
        ("file name", para('<w:r><w:drawing><wp:inline><wp:docPr id="3" name="shauna_kettleby.png"/></wp:inline></w:drawing></w:r>'), None),
        ("merge result", para(run("Dear \u00abShauna_Kettleby\u00bb,")), None),
        ("link subject", para('<w:hyperlink r:id="rL">' + run("write") + "</w:hyperlink>"),
         [("rL", _REL + "hyperlink", "mailto:office@example.org?subject=Declan%20Whitlow", True)]),
        ("table alt text", '<w:tbl><w:tblPr><w:tblCaption w:val="Shauna Kettleby visits"/>'
         '<w:tblDescription w:val="Dates Shauna Kettleby was seen"/></w:tblPr><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid>'
         f'<w:tr><w:tc>{para(run("Seen"))}</w:tc></w:tr></w:tbl>', None),
        ("chart series name", "", None),
    ],
)
def test_joined_names_are_read_apart(
    tmp_path: Path, settings: Settings, detector: Detector, where: str, extra: str, rels: list | None
) -> None:
    chart = {}
    if where == "chart series name":
        # A literal series name (c:tx/c:v, no cell behind it) is in no a:t and no c:pt.
        chart = {"word/charts/chart1.xml": _xml(
            "c:chartSpace", "<c:chart><c:plotArea><c:barChart><c:ser><c:tx><c:v>Shauna Kettleby</c:v></c:tx></c:ser>"
            "</c:barChart></c:plotArea></c:chart>", ' xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"')}
    parts = _run(tmp_path, _draft(tmp_path, extra, chart, rels=rels), settings, detector)
    _assert_gone(parts)
