"""scripts/prune_css.py: the step of the CSS build that lightningcss cannot do.

The input is what lightningcss writes with --minify: no comments, no spaces
that do not matter, one rule after the other.
"""

import re
from pathlib import Path

import pytest
from scripts import prune_css
from scripts.prune_css import (
    CustomProperties,
    Rule,
    build,
    copyright_lines,
    drop_repeats,
    drop_selectors,
    drop_unused,
    fold_private,
    map_vars,
    outer_vars,
    parse,
    rename_private,
    required_classes,
    serialise,
    settle_invalid,
    used_classes,
    zero_products,
)

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "src" / "kindveilig" / "static" / "vendor" / "nlds"
THEME = ".voorbeeld-theme"


def prune(css: str, *, context: str = "", closed_world: bool = False) -> str:
    rules = CustomProperties(
        parse(css), theme=THEME, context=context, closed_world=closed_world
    ).run()
    return serialise(rules)


# --- reading and writing ------------------------------------------------------


def test_parse_and_serialise_give_back_the_same_css() -> None:
    css = (
        '@charset "UTF-8";'
        ".a,.b:hover{color:red;background:url(data:image/svg+xml;utf8,<svg/>)}"
        '.c:after{content:"};{"}'
        "@media (min-width:40em){.d{margin:0}@supports (display:grid){.e{display:grid}}}"
        "@keyframes spin{0%{rotate:0deg}to{rotate:360deg}}"
        "@font-face{font-family:X;src:url(x.woff2)}"
    )
    rules = parse(css)
    assert serialise(rules) == css
    assert [r.prelude for r in rules] == [
        '@charset "UTF-8"',
        ".a,.b:hover",
        ".c:after",
        "@media (min-width:40em)",
        "@keyframes spin",
        "@font-face",
    ]
    media = rules[3]
    assert isinstance(media.body, list)
    assert [r.prelude for r in media.body] == [".d", "@supports (display:grid)"]
    assert rules[4].body == "0%{rotate:0deg}to{rotate:360deg}"


@pytest.mark.parametrize("css", [".a{color:red", ".a{color:red}}", ".a"])
def test_parse_refuses_unbalanced_css(css: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011
        parse(css)


def test_map_vars_rewrites_inner_fallbacks_first() -> None:
    seen: list[tuple[str, str | None]] = []

    def rewrite(name: str, fallback: str | None) -> str | None:
        seen.append((name, fallback))
        return "X" if name == "--b" else None

    value = "calc(var(--a,var(--b,1px)) * 2) var(--c) x-var(--d)"
    assert map_vars(value, rewrite) == "calc(var(--a,X) * 2) var(--c) x-var(--d)"
    assert seen == [("--b", "1px"), ("--a", "X"), ("--c", None)]


# --- step 1: dropping selectors ---------------------------------------------------


def test_drop_removes_matching_selectors_and_empty_rules() -> None:
    css = (
        ".b:hover,.b--hover{color:red}"
        ".b--focus{color:blue}"
        "@media (hover:hover){.b--hover{color:green}}"
        '.x[data-a="1,2"],.b--hover{margin:0}'
    )
    rules = drop_selectors(parse(css), [re.compile(r"\.b--(hover|focus)(?![\w-])")])
    assert serialise(rules) == '.b:hover{color:red}.x[data-a="1,2"]{margin:0}'


def test_drop_matches_whole_class_names_only_with_a_lookahead() -> None:
    rules = drop_selectors(
        parse(".b--hover-x{color:red}.b--hover{color:blue}"),
        [re.compile(r"\.b--hover(?![\w-])")],
    )
    assert serialise(rules) == ".b--hover-x{color:red}"


# --- step 1: keeping only the classes the pages use -----------------------------


def test_used_classes_reads_class_attributes_with_if_blocks() -> None:
    html = (
        '<div class="utrecht-a {% if x == "y" %}utrecht-a--x{% else %}utrecht-a--z'
        '{% endif %}"><span class="utrecht-b--{{ kind }} utrecht-b">'
        "<p class='utrecht-c'>utrecht-not-a-class</p>"
    )
    assert used_classes("page.html", html) == {
        "utrecht-a",
        "utrecht-a--x",
        "utrecht-a--z",
        "utrecht-b",
        "utrecht-c",
    }


def test_used_classes_reads_the_words_of_python_strings() -> None:
    code = 'TEXTBOX = ("utrecht-textbox", "utrecht-textbox--html-input")\nx = f"{a}--invalid"'
    assert used_classes("forms.py", code) == {
        "utrecht-textbox",
        "utrecht-textbox--html-input",
    }


def test_required_classes_skips_not_attributes_and_strings() -> None:
    selector = (
        '.a:hover:not(:disabled,.a--disabled) .b[data-x=".c"]::after,:where(.d) :is(.e)'
    )
    assert required_classes(selector) == {"a", "b"}


def test_drop_unused_keeps_selectors_whose_classes_are_all_used() -> None:
    css = (
        ".voorbeeld-theme{--x:1px}"
        ".a,.a--big{margin:0}"
        ".a:not(.a--off){color:red}"
        "@media print{.a--big{margin:1px}}"
        ":where(.a) :focus{outline:0}"
        ".a--invalid{color:blue}"
        "p{margin:0}"
    )
    rules = drop_unused(
        parse(css), {"a", "voorbeeld-theme"}, [re.compile(".*--invalid")]
    )
    assert serialise(rules) == (
        ".voorbeeld-theme{--x:1px}.a{margin:0}.a:not(.a--off){color:red}"
        ":where(.a) :focus{outline:0}.a--invalid{color:blue}p{margin:0}"
    )


def test_used_classes_reads_the_words_of_script_strings() -> None:
    js = 'document.body.classList.add("kv-leaving"); q("[data-x]")'
    assert "kv-leaving" in used_classes("quick-exit.js", js)


# --- step 2: custom properties ------------------------------------------------------


def test_only_the_tokens_something_reads_are_kept() -> None:
    css = (
        ".voorbeeld-theme{--unused:1px;--alias:var(--base);--base:2px;"
        "--only-unused-reads-me:3px;--unused-2:var(--only-unused-reads-me)}"
        ".a{margin:var(--alias)}"
    )
    assert prune(css) == (
        ".voorbeeld-theme{--alias:var(--base);--base:2px}.a{margin:var(--alias)}"
    )


def test_a_token_our_own_css_reads_is_kept() -> None:
    css = ".voorbeeld-theme{--mine:red;--other:blue}.a{color:green}"
    context = "/* var(--other) in a comment */ .kv{color:var(--mine)}"
    assert prune(css, context=context) == ".voorbeeld-theme{--mine:red}.a{color:green}"


def test_a_theme_rule_inside_media_is_not_the_theme() -> None:
    css = "@media print{.voorbeeld-theme{--x:1px}}.voorbeeld-theme{--y:2px}"
    assert prune(css) == "@media print{.voorbeeld-theme{--x:1px}}"


def test_public_component_properties_stay_and_unread_private_ones_go() -> None:
    css = ".a{--utrecht-a-color:red;--_utrecht-unread:1px;--_utrecht-read:2px;margin:var(--_utrecht-read)}"
    assert prune(css) == (
        ".a{--utrecht-a-color:red;--_utrecht-read:2px;margin:var(--_utrecht-read)}"
    )


def test_a_private_property_that_nothing_declares_falls_back() -> None:
    css = (
        ".a{--_declared:1px;"
        "color:var(--_hint,var(--_appearance,var(--utrecht-a-color,red)));"
        "margin:var(--_declared,2px);padding:var(--_never)}"
    )
    assert prune(css) == (
        ".a{--_declared:1px;color:var(--utrecht-a-color,red);"
        "margin:var(--_declared,2px);padding:var(--_never)}"
    )


def test_closed_world_inlines_tokens_only_the_theme_declares() -> None:
    css = (
        ".voorbeeld-theme{--button-bg:var(--accent);--accent:#5115ef;"
        '--font:var(--font-stack);--font-stack:"Noto Sans",system-ui,-apple-system,sans-serif;'
        "--set-by-modifier:1px;--set-by-us:2px}"
        ".b{background:var(--button-bg);font-family:var(--font);"
        "border-width:var(--set-by-modifier);margin:var(--set-by-us);"
        "color:var(--utrecht-b-color,var(--button-bg));padding:var(--nowhere)}"
        ".b--big{--set-by-modifier:3px}"
    )
    context = ".kv-page{--set-by-us:4px}"
    assert prune(css, context=context, closed_world=True) == (
        '.voorbeeld-theme{--font-stack:"Noto Sans",system-ui,-apple-system,sans-serif;'
        "--set-by-modifier:1px;--set-by-us:2px}"
        ".b{background:#5115ef;font-family:var(--font-stack);"
        "border-width:var(--set-by-modifier);margin:var(--set-by-us);"
        "color:#5115ef;padding:var(--nowhere)}"
        ".b--big{--set-by-modifier:3px}"
    )


def test_without_closed_world_public_properties_keep_their_var() -> None:
    css = ".voorbeeld-theme{--accent:red}.b{color:var(--utrecht-b-color,var(--accent))}"
    assert prune(css) == css


def test_a_cycle_of_tokens_ends() -> None:
    css = ".voorbeeld-theme{--a:var(--b);--b:var(--a)}.x{color:var(--a,red)}"
    assert prune(css, closed_world=True) == css


def test_fold_private_folds_what_one_rule_sets_and_reads() -> None:
    rules = parse(
        ".b{--_1:var(--_2,#000);--_3:1px;--_4:var(--_2);--_5:2px;"
        "color:var(--_1);margin:var(--_3,0);padding:var(--_4,0);gap:var(--_5)}"
        ".b:hover{gap:var(--_5)}.b--x{--_2:red}"
    )
    assert fold_private(rules) is True
    assert serialise(rules) == (
        ".b{--_1:var(--_2,#000);--_3:1px;--_4:var(--_2);--_5:2px;"
        "color:var(--_2,#000);margin:1px;padding:var(--_4,0);gap:var(--_5)}"
        ".b:hover{gap:var(--_5)}.b--x{--_2:red}"
    )


def test_fold_private_leaves_what_the_context_or_two_rules_declare() -> None:
    css = ".b{--_1:1px;--_2:2px;margin:var(--_1) var(--_2)}.c{--_2:3px}"
    rules = parse(css)
    assert fold_private(rules, context=".kv{margin:var(--_1)}") is False
    assert serialise(rules) == css


def test_outer_vars_skips_fallbacks_and_names_that_end_in_var() -> None:
    value = "calc(var(--a) + var(--b, var(--c))) x-var(--d)"
    assert outer_vars(value) == [("--a", False), ("--b", True)]


def test_a_read_of_what_nothing_declares_without_fallback_is_unset() -> None:
    rules = parse(
        ".a{color:var(--gone);margin:var(--gone) 0!important;padding:var(--x,1px)}"
        ".b{--x:2px}"
    )
    assert settle_invalid(rules) is True
    assert serialise(rules) == (
        ".a{color:unset;margin:unset!important;padding:var(--x,1px)}.b{--x:2px}"
    )


def test_a_custom_property_that_is_never_valid_goes() -> None:
    rules = parse(
        ".a{--_1:var(--gone);--_2:var(--gone);border:var(--_1,1px)}"
        ".b{--_2:red}.c{--_3:var(--ours)}"
    )
    assert settle_invalid(rules, context=".kv{--ours:0}") is True
    assert serialise(rules) == (
        ".a{--_2:var(--gone);border:var(--_1,1px)}.b{--_2:red}.c{--_3:var(--ours)}"
    )


def test_a_margin_times_a_zero_token_is_zero() -> None:
    rules = parse(
        ".a{margin-block-start:calc(var(--utrecht-space-around,0) * 0px);"
        "padding-inline:calc(var(--s) * 0);"
        "margin-block-end:calc(var(--s) * 4px);inset:calc(var(--s) * 0px)}"
    )
    assert zero_products(rules) is True
    assert serialise(rules) == (
        ".a{margin-block-start:0;padding-inline:0;"
        "margin-block-end:calc(var(--s) * 4px);inset:calc(var(--s) * 0px)}"
    )


def test_a_declaration_repeated_later_in_its_rule_goes() -> None:
    rules = parse(".a{page-break-after:avoid;color:red;page-break-after:avoid}")
    drop_repeats(rules)
    assert serialise(rules) == ".a{color:red;page-break-after:avoid}"


def test_the_closed_world_build_settles_zero_margins_and_unread_tokens() -> None:
    out = build(
        ".a{margin-block:calc(var(--space,0) * 0px);color:var(--nope)}.a--x{--space:1}",
        theme=THEME,
        closed_world=True,
    )
    assert out.endswith(".a{margin-block:0;color:unset}\n")


def test_the_closed_world_build_folds_and_removes_the_declaration() -> None:
    out = build(".b{--_1:1px;margin:var(--_1)}", theme=THEME, closed_world=True)
    assert out.endswith(".b{margin:1px}\n")


# --- steps 3 and 4 ------------------------------------------------------------------


def test_private_names_get_short_names_in_order_of_first_use() -> None:
    rules = parse(
        ".a{--_utrecht-x:1px;--_utrecht-y:var(--_utrecht-x);--_kv-ours:0}"
        ".b{margin:var(--_utrecht-y) var(--_utrecht-x)}"
    )
    rename_private(rules, keep={"--_kv-ours"})
    assert serialise(rules) == (
        ".a{--_0:1px;--_1:var(--_0);--_kv-ours:0}.b{margin:var(--_1) var(--_0)}"
    )


def test_the_banner_repeats_each_copyright_line_once() -> None:
    sources = [
        "/**\n * @license EUPL-1.2\n * Copyright (c) 2021-2024 Gemeente Utrecht\n */",
        "/**\n * Copyright (c) 2020-2024 Frameless B.V.\n * Copyright (c) 2021-2024 Gemeente Utrecht\n */",
    ]
    assert copyright_lines(sources) == [
        "Copyright (c) 2020-2024 Frameless B.V.",
        "Copyright (c) 2021-2024 Gemeente Utrecht",
    ]
    out = build(".a{color:red}", theme=THEME, sources=sources, banner_text="Built.")
    assert out == (
        "/*! Built.\n * @license EUPL-1.2\n"
        " * Copyright (c) 2020-2024 Frameless B.V.\n"
        " * Copyright (c) 2021-2024 Gemeente Utrecht\n */\n.a{color:red}\n"
    )


def test_the_command_line_builds_a_bundle(tmp_path: Path) -> None:
    (tmp_path / "in.css").write_text(
        ".voorbeeld-theme{--used:red;--unused:blue}"
        ".a{color:var(--used)}.a--hover{color:var(--used)}",
        encoding="utf-8",
    )
    (tmp_path / "source.css").write_text("/* Copyright (c) 2024 X */")
    (tmp_path / "own.css").write_text(".kv{color:var(--unused)}")
    args = ["--theme", THEME, "--out", str(tmp_path / "out.css")]
    args += ["--drop", r"a--hover\b", "--context", str(tmp_path / "own.css")]
    args += ["--copyright-from", str(tmp_path / "source.css"), "--rename-private"]
    assert prune_css.main([*args, str(tmp_path / "in.css")]) == 0
    assert (tmp_path / "out.css").read_text(encoding="utf-8") == (
        "/*!\n * @license EUPL-1.2\n * Copyright (c) 2024 X\n */\n"
        ".voorbeeld-theme{--used:red;--unused:blue}.a{color:var(--used)}\n"
    )


# --- the committed bundles ------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.name for p in VENDOR.glob("nlds*.css")))
def test_the_vendored_bundles_keep_the_licence_banner(name: str) -> None:
    css = (VENDOR / name).read_text(encoding="utf-8")
    head = css[: css.index("*/")]
    assert head.startswith("/*! Generated by scripts/vendor_css.sh")
    assert "@license EUPL-1.2" in head
    assert "Copyright (c) 2021-2024 Gemeente Utrecht" in head
    assert "Copyright (c) 2020-2024 Frameless B.V." in head
    assert all(isinstance(r, Rule) for r in parse(css[css.index("*/") + 2 :]))


def test_the_command_line_keeps_only_used_classes(tmp_path: Path) -> None:
    (tmp_path / "in.css").write_text(
        ".voorbeeld-theme{--c:red}.a{color:var(--c)}.a--unused{margin:0}"
        ".f{color:var(--c)}",
        encoding="utf-8",
    )
    (tmp_path / "page.html").write_text('<p class="a f">', encoding="utf-8")
    args = ["--theme", THEME, "--out", str(tmp_path / "out.css"), "--closed-world"]
    args += ["--used-in", str(tmp_path / "page.html")]
    assert prune_css.main([*args, str(tmp_path / "in.css")]) == 0
    out = (tmp_path / "out.css").read_text(encoding="utf-8")
    assert out == ".a{color:red}.f{color:red}\n"


def test_our_own_css_gets_no_banner(tmp_path: Path) -> None:
    (tmp_path / "in.css").write_text(".kv-a{margin:0}.kv-b{margin:0}")
    (tmp_path / "page.html").write_text('<p class="kv-a">', encoding="utf-8")
    args = [
        "--out",
        str(tmp_path / "out.css"),
        "--used-in",
        str(tmp_path / "page.html"),
    ]
    assert prune_css.main([*args, str(tmp_path / "in.css")]) == 0
    assert (tmp_path / "out.css").read_text(encoding="utf-8") == ".kv-a{margin:0}\n"


def test_the_public_bundles_leave_room_in_the_20_kb_page_budget() -> None:
    # A youth page must weigh under 20 KB in all (scale/tests/test_youth_weights.py
    # and the browser tests), its HTML and our own CSS and quick-exit.js included.
    # The form pages have the most: about 5-6 KB of HTML and 4 KB of our own.
    sizes = {p.name: p.stat().st_size for p in VENDOR.glob("nlds-public*.css")}
    assert set(sizes) >= {"nlds-public.css", "nlds-public-form.css"}
    assert sizes["nlds-public.css"] < 5 * 1024
    assert max(sizes.values()) < 10 * 1024
