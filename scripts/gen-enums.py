#!/usr/bin/env python3
"""Generate data/exo-enums.tsv, the values of Exchange Online's enumeration types.

The cmdlet catalog (data/exo-cmdlets.tsv) gives each parameter's type name; Microsoft's
cmdlet reference (MicrosoftDocs/office-docs-powershell, CC BY 4.0), in each parameter's
section of exchange/exchange-ps/ExchangePowerShell/<Cmdlet>.md, lists the values it
takes. Only those facts are kept: the type, its value names in the reference's order
(with the number where the reference gives one, `5:BestBodyFormat`), and one page that
lists them. None of the pages' prose.

Usage: scripts/gen-enums.py REFERENCE_DIR [data/exo-cmdlets.tsv] [data/exo-enums.tsv]

REFERENCE_DIR holds <Cmdlet>.md pages (all of them, or the few read for the types being
added). Types found in the pages replace their line; the others already in the output
file are kept. The result is written to the output file.

Output format (tab-separated, one type a line, `#` lines are comments):
  <type> <values, comma-separated> <a reference page listing them> [flags]
A type that several parameters share gets the values of all their sections (the longest
list first, then the names only the others give), and the page of the longest list. The
fourth field, `flags`, marks a .NET flags enumeration, whose one value may combine several
names (`Monday,Tuesday`): a type named `...Flags`, or one whose section says it takes
several values separated by commas although the catalog types it as one value.

A section's values are read from, in order of preference:
  - the older pages' yaml `Type: A | B | C`;
  - the bullet list after "Valid values" (or "valid values for this parameter",
    "the following values", "one of the following"): `- Name`, `- Name: what it means`,
    `- 0: Name` (numbered);
  - a sentence "Valid values ... are A, B, and C." / "The available options are A, B, and C."
"""
import os
import re
import sys

# Catalog types that are never enumerations (identities, numbers, text, sizes, paths,
# objects made by other cmdlets such as New-QuarantinePermissions, Get-CalendarDiagnosticLog
# or Test-TextExtraction, ...); matched on the short name, in any case (the catalog writes
# `string` for some parameters).
NOT_ENUMS = re.compile(
    r"(IdParameter|Identity|Collection|Hashtable|Credential|Certificate|SecureString|"
    r"^(String|Boolean|SwitchParameter|Int16|Int32|Int64|UInt16|UInt32|Byte|Double|"
    r"DateTime|DateTimeOffset|ExDateTime|Guid|Uri|Object|PSObject|TimeSpan|EnhancedTimeSpan|"
    r"MultiValuedProperty|Unlimited|UnlimitedInt|Fqdn|SmtpAddress|SmtpDomain|"
    r"SmtpDomainWithSubdomains|Word|Pattern|CultureInfo|ByteQuantifiedSize|ProxyAddress|"
    r"WindowsLiveId|Schedule|HeaderName|HeaderValue|DisclaimerText|RejectText|EventLogText|"
    r"SubjectPrefix|ADAttribute|E164Number|EmailAddress|GeoCoordinates|CountryInfo|"
    r"RegionInfo|Stream|TlsCertificate|PSSessionOption|SclValue|ExTimeZoneValue|"
    r"RejectEnhancedStatus|RejectStatusCode|Expression|LongPath|MessageTrackingReportId|"
    r"MailboxAcePresentationObject|ExchangeConnectionSettings|QuarantinePermissions|"
    r"EmailAddressPolicyPriority|SourceMailbox|DistributionGroupNamingPolicy|CalendarLog|"
    r"TestTextExtractionResult)$)",
    re.I,
)
NAME = r"[A-Za-z_][A-Za-z0-9_]*"


def base_type(type_name):
    """The catalog's type without `[]` or the `<...>` some pages wrap it in."""
    return type_name.strip().removesuffix("[]").strip("<>")


def catalog_types(path):
    types = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if fields[0] == "P" and len(fields) > 2:
                base = base_type(fields[2])
                # A generic (`Unlimited`1[System.UInt32]`) is named by its definition.
                short = re.sub(r"`\d+\[.*\]$", "", base).rsplit(".", 1)[-1]
                if not NOT_ENUMS.search(short):
                    types.setdefault(base.lower(), base)
    return types


def sections(text):
    """(parameter, description, yaml type) for each `### -Name` section."""
    for m in re.finditer(r"^### -(\w+)\s*$(.*?)(?=^### |\Z)", text, re.M | re.S):
        body = m.group(2)
        yaml = re.search(r"```yaml\s*\nType:\s*(.+?)\s*$", body, re.M)
        description = body[: yaml.start()] if yaml else body
        yield m.group(1), description, (yaml.group(1) if yaml else "")


def takes_several(description):
    return re.search(r"multiple values separated by commas", description, re.I) is not None


def values_from(description, yaml_type):
    if "|" in yaml_type:
        names = [v.strip() for v in yaml_type.split("|")]
        if all(re.fullmatch(NAME, n) for n in names):
            return names
    lead = re.search(
        r"(valid values|following values|one of the following|available options|"
        r"possible values)[^\n]*",
        description,
        re.I,
    )
    if not lead:
        return None
    after = description[lead.start():]
    bullets = []
    for line in after.splitlines()[1:]:
        line = line.strip()
        if not line:
            if bullets:
                break
            continue
        m = re.match(r"^-\s+(?:(\d+)\s*:\s*)?(" + NAME + r")\b\s*(?::|\(|$)", line)
        if not m:
            if bullets:
                break
            continue
        bullets.append(f"{m.group(1)}:{m.group(2)}" if m.group(1) else m.group(2))
    if bullets and not any(b.lstrip("$").lower() in ("true", "false") for b in bullets):
        return bullets
    sentence = re.search(r"\bare\s+((?:" + NAME + r")(?:,? (?:and |or )?" + NAME + r")+)\.",
                         lead.group(0))
    if sentence:
        names = re.split(r",\s*(?:and |or )?|\s+(?:and|or)\s+", sentence.group(1))
        if len(names) > 1:
            return names
    return None


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    pages = sys.argv[1]
    catalog = sys.argv[2] if len(sys.argv) > 2 else "data/exo-cmdlets.tsv"
    output = sys.argv[3] if len(sys.argv) > 3 else "data/exo-enums.tsv"
    types = catalog_types(catalog)
    # The parameter names of each enumeration type, so a page's section is matched to it.
    params = {}
    cmdlet = None
    with open(catalog, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if fields[0] == "C":
                cmdlet = fields[1]
            elif fields[0] == "P" and len(fields) > 2:
                base = base_type(fields[2])
                if base.lower() in types:
                    array = fields[2].strip().endswith("[]")
                    params[(cmdlet, fields[1].lower())] = (types[base.lower()], array)
    header, found = [], {}
    if os.path.exists(output):
        with open(output, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    header.append(line.rstrip("\n"))
                elif line.strip():
                    fields = line.rstrip("\n").split("\t")
                    found[fields[0]] = fields
    # Every section's list, by type: (values, page, whether it combines several names).
    lists = {}
    for name in sorted(os.listdir(pages)):
        if not name.endswith(".md"):
            continue
        page = name[:-3]
        with open(os.path.join(pages, name), encoding="utf-8") as f:
            text = f.read()
        for parameter, description, yaml_type in sections(text):
            typed = params.get((page, parameter.lower()))
            if not typed:
                continue
            type_name, array = typed
            values = values_from(description, yaml_type)
            if values:
                several = not array and takes_several(description)
                lists.setdefault(type_name, []).append((values, page, several))
    for type_name, found_lists in lists.items():
        found_lists.sort(key=lambda entry: -len(entry[0]))
        values, page = list(found_lists[0][0]), found_lists[0][1]
        for other, _, _ in found_lists[1:]:
            names = {v.split(":")[-1].lower() for v in values}
            values += [v for v in other if v.split(":")[-1].lower() not in names]
        line = [type_name, ",".join(values), page]
        if type_name.endswith("Flags") or any(several for _, _, several in found_lists):
            line.append("flags")
        found[type_name] = line
    with open(output, "w", encoding="utf-8") as f:
        for line in header:
            f.write(line + "\n")
        for key in sorted(found, key=str.lower):
            f.write("\t".join(found[key]) + "\n")


if __name__ == "__main__":
    main()
