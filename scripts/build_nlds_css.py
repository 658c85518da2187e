#!/usr/bin/env python3
"""Build one small, self-contained NL Design System CSS bundle.

Run by scripts/vendor_css.sh; standard library only, so it runs with any
Python >= 3.11 and needs no virtualenv. The output is deterministic.

1. Reads the Utrecht component CSS files given on the command line, drops
   their comments and ``@charset`` rules, and concatenates them.
2. Drops every selector matching a ``--drop`` regular expression (modifiers
   we never use, such as ``.utrecht-button--danger``); a rule whose selectors
   are all dropped disappears.
3. Rewrites custom properties. A component's *private* properties
   (``--_utrecht-*``) that nothing declares are replaced by their fallback,
   and private declarations nothing reads are removed. ``--closed-world``
   does the same for every property: the bundle plus the ``--context`` files
   (our own stylesheets) are all the CSS the page loads, because the CSP
   forbids inline styles. ``--resolve-tokens`` replaces a theme token that
   only the theme declares by its final value (it is the same on every
   element below ``.voorbeeld-theme``).
4. Keeps only the theme tokens (``--theme`` plus ``--tokens-extra``, all in
   one ``.voorbeeld-theme`` block) that the components or the context files
   still read, directly or through other tokens.
5. ``--rename-private`` shortens private property names (``--_0``, ...).
6. Writes it minified and ASCII-only, under a licence banner repeating every
   copyright line of the sources (the EUPL asks to keep them).

Usage::

    build_nlds_css.py --theme theme.css --out bundle.css [--tokens-extra x.css]
        [--context own.css]... [--drop REGEX]... [--closed-world]
        [--resolve-tokens] [--rename-private] [--banner TEXT] component.css...
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# --------------------------------------------------------------------------
# A tiny CSS parser: enough for the well-formed, generated CSS we vendor.
# --------------------------------------------------------------------------


@dataclass
class Decl:
    """A declaration (``name: value``) or a statement at-rule (``@import …``)."""

    text: str

    @property
    def name(self) -> str:
        return self.text.split(":", 1)[0].strip()

    @property
    def value(self) -> str:
        return self.text.split(":", 1)[1].strip() if ":" in self.text else ""

    def is_custom_property(self) -> bool:
        return self.name.startswith("--")


@dataclass
class Block:
    """``prelude { items }``: a style rule or an at-rule with a block."""

    prelude: str
    items: list[Decl | Block] = field(default_factory=list)


COPYRIGHT_RE = re.compile(r"Copyright \(c\) [^\n*]+")
VAR_NAME_RE = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")
DECLARED_NAME_RE = re.compile(r"(?:^|[;{\s])(--[A-Za-z0-9_-]+)\s*:")


def strip_comments(css: str) -> str:
    out: list[str] = []
    i, n = 0, len(css)
    while i < n:
        c = css[i]
        if c in "\"'":
            j = _string_end(css, i)
            out.append(css[i:j])
            i = j
        elif css.startswith("/*", i):
            end = css.find("*/", i + 2)
            i = n if end == -1 else end + 2
            out.append(" ")
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _string_end(css: str, start: int) -> int:
    quote, i = css[start], start + 1
    while i < len(css):
        if css[i] == "\\":
            i += 2
            continue
        if css[i] == quote:
            return i + 1
        i += 1
    return len(css)


def parse(css: str) -> list[Decl | Block]:
    items, _pos = _parse_items(strip_comments(css), 0)
    return items


def _parse_items(css: str, pos: int) -> tuple[list[Decl | Block], int]:
    items: list[Decl | Block] = []
    start, depth, n = pos, 0, len(css)
    i = pos
    while i < n:
        c = css[i]
        if c in "\"'":
            i = _string_end(css, i)
            continue
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif depth == 0 and c == "{":
            block = Block(prelude=" ".join(css[start:i].split()))
            block.items, i = _parse_items(css, i + 1)
            items.append(block)
            start = i
            continue
        elif depth == 0 and c == ";":
            _add_decl(items, css[start:i])
            start = i + 1
        elif depth == 0 and c == "}":
            _add_decl(items, css[start:i])
            return items, i + 1
        i += 1
    _add_decl(items, css[start:])
    return items, n


def _add_decl(items: list[Decl | Block], text: str) -> None:
    text = text.strip()
    if text:
        items.append(Decl(text))


def walk_decls(items: list[Decl | Block]) -> list[Decl]:
    found: list[Decl] = []
    for item in items:
        if isinstance(item, Block):
            found.extend(walk_decls(item.items))
        else:
            found.append(item)
    return found


# --------------------------------------------------------------------------
# Step 2: drop selectors we never use.
# --------------------------------------------------------------------------


def split_top_level(text: str, sep: str = ",") -> list[str]:
    parts: list[str] = []
    depth, start, i = 0, 0, 0
    while i < len(text):
        c = text[i]
        if c in "\"'":
            i = _string_end(text, i)
            continue
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == sep and depth == 0:
            parts.append(text[start:i])
            start = i + 1
        i += 1
    parts.append(text[start:])
    return parts


def drop_selectors(
    items: list[Decl | Block], patterns: list[re.Pattern[str]]
) -> list[Decl | Block]:
    kept: list[Decl | Block] = []
    for item in items:
        if isinstance(item, Decl):
            if not item.text.lower().startswith("@charset"):
                kept.append(item)
            continue
        prelude = item.prelude
        if prelude.startswith("@"):
            if not prelude.lower().startswith(("@keyframes", "@font-face")):
                item.items = drop_selectors(item.items, patterns)
                if not any(isinstance(child, Block) for child in item.items):
                    continue
            kept.append(item)
            continue
        selectors = [s.strip() for s in split_top_level(prelude)]
        selectors = [s for s in selectors if not any(p.search(s) for p in patterns)]
        if selectors:
            item.prelude = ",".join(selectors)
            kept.append(item)
    return kept


# --------------------------------------------------------------------------
# Steps 3 and 4: custom properties and design tokens.
# --------------------------------------------------------------------------

VarRewrite = Callable[[str, str | None], str | None]


def map_vars(value: str, rewrite: VarRewrite) -> str:
    """Rewrite every ``var(--name[, fallback])`` in ``value``.

    ``rewrite(name, fallback)`` gets the fallback already rewritten (inner
    ``var()`` first) and returns the replacement text, or None to keep it.
    """
    out: list[str] = []
    i = 0
    while True:
        j = value.find("var(", i)
        if j == -1:
            out.append(value[i:])
            return "".join(out)
        # The function ``var(``, not the tail of an identifier like ``x-var(``.
        if j > 0 and (value[j - 1].isalnum() or value[j - 1] in "-_"):
            out.append(value[i : j + 4])
            i = j + 4
            continue
        end = _closing_paren(value, j + 3)
        args = split_top_level(value[j + 4 : end])
        name = args[0].strip()
        fallback = ",".join(args[1:]).strip() if len(args) > 1 else None
        if fallback is not None:
            fallback = map_vars(fallback, rewrite)
        replacement = rewrite(name, fallback)
        if replacement is None:
            replacement = (
                f"var({name})" if fallback is None else f"var({name},{fallback})"
            )
        out.append(value[i:j])
        out.append(replacement)
        i = end + 1


def _closing_paren(text: str, open_at: int) -> int:
    depth, i = 0, open_at
    while i < len(text):
        c = text[i]
        if c in "\"'":
            i = _string_end(text, i)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"unbalanced parentheses in: {text!r}")


def _is_alias(value: str) -> str | None:
    """``var(--x)`` (no fallback) -> ``--x``; anything else -> None."""
    m = re.fullmatch(r"var\(\s*(--[A-Za-z0-9_-]+)\s*\)", value.strip())
    return m.group(1) if m else None


@dataclass
class Optimiser:
    """Rewrites custom properties in ``components`` against the theme tokens.

    ``closed_world``: the bundle plus the context files are *all* the CSS a
    page loads (no inline styles: the CSP forbids them), so a property that
    none of them declares is never set, and ``var(--it, fallback)`` is the
    fallback. Without it, only private ``--_*`` properties are treated so.

    ``resolve``: a token declared only in the theme is the same on every
    element below ``.voorbeeld-theme``, so ``var(--token)`` can be replaced by
    its final value (aliases are followed; values longer than
    ``inline_max`` characters stay a ``var()`` of the shortest alias).
    """

    tokens: dict[str, str]
    components: list[Decl | Block]
    context_declared: set[str]
    context_read: set[str]
    closed_world: bool
    resolve: bool
    inline_max: int = 40
    declared: set[str] = field(default_factory=set)
    declared_elsewhere: set[str] = field(default_factory=set)
    _resolved: dict[str, str | None] = field(default_factory=dict)
    _busy: set[str] = field(default_factory=set)

    def run(self) -> dict[str, str]:
        """Optimise in place; return the tokens to keep, in theme order."""
        while True:
            decls = walk_decls(self.components)
            component_declared = {d.name for d in decls if d.is_custom_property()}
            self.declared_elsewhere = component_declared | self.context_declared
            self.declared = self.declared_elsewhere | set(self.tokens)
            self._resolved.clear()
            changed = False
            for d in decls:
                if "var(" in d.value:
                    new_value = map_vars(d.value, self._rewrite)
                    if new_value != d.value:
                        d.text = f"{d.name}:{new_value}"
                        changed = True
            kept = self._kept_tokens()
            read = set(self.context_read)
            for d in walk_decls(self.components):
                read.update(VAR_NAME_RE.findall(d.value))
            for value in kept.values():
                read.update(VAR_NAME_RE.findall(value))
            removed = _remove_unread(self.components, read, self._removable)
            if not changed and not removed:
                return kept

    def _removable(self, name: str) -> bool:
        return self.closed_world or name.startswith("--_")

    def _static(self, name: str) -> bool:
        return name in self.tokens and name not in self.declared_elsewhere

    def _rewrite(self, name: str, fallback: str | None) -> str | None:
        if self.resolve and self._static(name):
            return self._inline(name, fallback)
        if name not in self.declared and self._removable(name) and fallback:
            return fallback
        return None

    def _inline(self, name: str, fallback: str | None) -> str | None:
        alias = _is_alias(self.tokens[name])
        if alias is not None and self._static(alias):
            return self._inline(alias, fallback)
        value = self._value(name)
        if value is None:  # invalid at computed-value time: the fallback wins
            return fallback
        return value if len(value) <= self.inline_max else f"var({name})"

    def _value(self, name: str) -> str | None:
        """The token's value with static tokens inlined; None when invalid."""
        if name in self._resolved:
            return self._resolved[name]
        if name in self._busy:  # a cycle: invalid by definition
            return None
        self._busy.add(name)
        value: str | None = map_vars(self.tokens[name], self._rewrite)
        self._busy.discard(name)
        if value is not None and any(
            n not in self.declared for n in _vars_without_fallback(value)
        ):
            value = None
        self._resolved[name] = value
        return value

    def _kept_tokens(self) -> dict[str, str]:
        """Tokens still read by the components or context, with what they read."""
        read = set(self.context_read)
        for d in walk_decls(self.components):
            read.update(VAR_NAME_RE.findall(d.value))
        values: dict[str, str] = {}
        todo = [n for n in read if n in self.tokens]
        while todo:
            name = todo.pop()
            if name in values:
                continue
            value = self.tokens[name]
            if self.resolve and self._static(name):
                value = self._value(name) or value
            values[name] = value
            todo.extend(n for n in VAR_NAME_RE.findall(value) if n in self.tokens)
        return {n: values[n] for n in self.tokens if n in values}


def _vars_without_fallback(value: str) -> list[str]:
    names: list[str] = []

    def collect(name: str, fallback: str | None) -> str | None:
        if fallback is None:
            names.append(name)
        return None

    map_vars(value, collect)
    return names


def _remove_unread(
    items: list[Decl | Block], read: set[str], removable: Callable[[str], bool]
) -> bool:
    """Remove custom property declarations nobody reads; True if any went."""
    removed = False
    kept: list[Decl | Block] = []
    for item in items:
        if isinstance(item, Block):
            removed |= _remove_unread(item.items, read, removable)
            if item.items or item.prelude.startswith("@"):
                kept.append(item)
            else:
                removed = True
        elif (
            item.is_custom_property() and item.name not in read and removable(item.name)
        ):
            removed = True
        else:
            kept.append(item)
    items[:] = kept
    return removed


# --------------------------------------------------------------------------
# Step 5: serialise, minified and ASCII-only.
# --------------------------------------------------------------------------


def minify_text(text: str, *, selector: bool = False) -> str:
    """Collapse whitespace outside strings; no space around ``,`` (and ``>``)."""
    tight = ",>" if selector else ","
    out: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c in "\"'":
            j = _string_end(text, i)
            out.append(text[i:j])
            i = j
        elif c.isspace():
            while i < len(text) and text[i].isspace():
                i += 1
            prev = out[-1][-1:] if out else ""
            nxt = text[i : i + 1]
            if prev and nxt and prev not in tight + "(:" and nxt not in tight + ")":
                out.append(" ")
        else:
            out.append(c)
            i += 1
    return "".join(out)


def shorten_value(value: str) -> str:
    """Shorter spellings of the same value: ``0.5`` -> ``.5``, ``#ffffff`` -> ``#fff``."""
    if "'" in value or '"' in value:
        return value
    value = re.sub(r"(?<![\w.])0\.(\d)", r".\1", value)
    value = re.sub(
        r"#([0-9a-fA-F])\1([0-9a-fA-F])\2([0-9a-fA-F])\3(?![0-9a-fA-F])",
        r"#\1\2\3",
        value,
    )
    value = value.replace("rgba(0,0,0,0)", "transparent")
    return value.replace(" !important", "!important")


def serialise(items: list[Decl | Block]) -> str:
    parts: list[str] = []
    for item in items:
        if isinstance(item, Block):
            is_style_rule = not item.prelude.startswith("@")
            prelude = minify_text(item.prelude, selector=is_style_rule)
            parts.append(prelude + "{" + serialise(item.items) + "}")
        elif item.text.startswith("@"):
            parts.append(minify_text(item.text) + ";")
        else:
            parts.append(f"{item.name}:{shorten_value(minify_text(item.value))};")
    return re.sub(r";}", "}", "".join(parts))


def ascii_only(css: str) -> str:
    return "".join(c if ord(c) < 128 else f"\\{ord(c):06x}" for c in css)


# --------------------------------------------------------------------------


PRIVATE_NAME_RE = re.compile(r"(?<![\w-])--_[A-Za-z0-9_-]+")


def rename_private(items: list[Decl | Block], keep: set[str]) -> None:
    """Give private ``--_*`` properties short names (``--_0``, ``--_1``, ...).

    They are internal to the bundle, so only names our own CSS uses (``keep``)
    must survive. Names are numbered in order of first use: deterministic.
    """
    names: dict[str, str] = {}

    def short(match: re.Match[str]) -> str:
        name = match.group(0)
        if name in keep:
            return name
        if name not in names:
            names[name] = f"--_{_base36(len(names))}"
        return names[name]

    for d in walk_decls(items):
        d.text = PRIVATE_NAME_RE.sub(short, d.text)


def _base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = digits[n % 36]
    while n >= 36:
        n //= 36
        out = digits[n % 36] + out
    return out


def read_tokens(paths: list[Path]) -> tuple[str, dict[str, str]]:
    """The theme's selector and its tokens; later files override earlier ones."""
    selector, tokens = "", {}
    for path in paths:
        for item in parse(path.read_text(encoding="utf-8")):
            if isinstance(item, Block) and not item.prelude.startswith("@"):
                selector = selector or item.prelude
                if item.prelude != selector:
                    raise SystemExit(f"{path}: expected only {selector} blocks")
                for d in item.items:
                    if isinstance(d, Decl) and d.is_custom_property():
                        tokens[d.name] = d.value
    return selector, tokens


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--theme", type=Path, required=True)
    parser.add_argument("--tokens-extra", type=Path, action="append", default=[])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--context", type=Path, action="append", default=[])
    parser.add_argument("--drop", action="append", default=[])
    parser.add_argument("--closed-world", action="store_true")
    parser.add_argument("--resolve-tokens", action="store_true")
    parser.add_argument("--rename-private", action="store_true")
    parser.add_argument("--banner", default="")
    parser.add_argument("components", type=Path, nargs="+")
    args = parser.parse_args(argv)

    raw = {p: p.read_text(encoding="utf-8") for p in [args.theme, *args.components]}
    copyrights = sorted(
        {m.strip() for text in raw.values() for m in COPYRIGHT_RE.findall(text)}
    )
    selector, tokens = read_tokens([args.theme, *args.tokens_extra])

    components: list[Decl | Block] = []
    for path in args.components:
        components.extend(parse(raw[path]))
    components = drop_selectors(components, [re.compile(p) for p in args.drop])

    context = "\n".join(strip_comments(p.read_text("utf-8")) for p in args.context)
    optimiser = Optimiser(
        tokens=tokens,
        components=components,
        context_declared=set(DECLARED_NAME_RE.findall(context)),
        context_read=set(VAR_NAME_RE.findall(context)),
        closed_world=args.closed_world,
        resolve=args.resolve_tokens,
    )
    kept = optimiser.run()
    if args.rename_private:
        rename_private(components, optimiser.context_declared | optimiser.context_read)

    theme_block = Block(selector, [Decl(f"{n}:{v}") for n, v in kept.items()])
    body = serialise([theme_block]) + serialise(components)
    banner = "/*! " + args.banner.strip() + "\n * @license EUPL-1.2\n"
    banner += "".join(f" * {line}\n" for line in copyrights) + " */\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(ascii_only(banner + body) + "\n", encoding="ascii")
    size = args.out.stat().st_size
    sys.stdout.write(
        f"{args.out}: {size} bytes ({size / 1024:.1f} KiB), "
        f"{len(args.components)} component files, "
        f"{len(kept)} of {len(tokens)} tokens kept\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
