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

# Catalog types that are never enumerations (identities, numbers, text, sizes, ...).
NOT_ENUMS = re.compile(
    r"(IdParameter|Identity|Collection|Hashtable|Credential|Certificate|SecureString|"
    r"^(String|Boolean|SwitchParameter|Int16|Int32|Int64|UInt16|UInt32|Byte|Double|"
    r"DateTime|DateTimeOffset|ExDateTime|Guid|Uri|Object|PSObject|TimeSpan|EnhancedTimeSpan|"
    r"MultiValuedProperty|Unlimited|UnlimitedInt|Fqdn|SmtpAddress|SmtpDomain|"
    r"SmtpDomainWithSubdomains|Word|Pattern|CultureInfo|ByteQuantifiedSize|ProxyAddress|"
    r"WindowsLiveId|Schedule|HeaderName|HeaderValue|DisclaimerText|RejectText|EventLogText|"
    r"SubjectPrefix|ADAttribute|E164Number|EmailAddress|GeoCoordinates|CountryInfo|"
    r"RegionInfo|Stream|TlsCertificate|PSSessionOption|SclValue|ExTimeZoneValue|"
    r"RejectEnhancedStatus|RejectStatusCode|Expression)$)"
)
NAME = r"[A-Za-z_][A-Za-z0-9_]*"


def catalog_types(path):
    types = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if fields[0] == "P" and len(fields) > 2:
                base = fields[2].strip().removesuffix("[]")
                short = base.rsplit(".", 1)[-1]
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
                base = fields[2].strip().removesuffix("[]")
                if base.lower() in types:
                    params[(cmdlet, fields[1].lower())] = types[base.lower()]
    header, found = [], {}
    if os.path.exists(output):
        with open(output, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    header.append(line.rstrip("\n"))
                elif line.strip():
                    fields = line.rstrip("\n").split("\t")
                    found[fields[0]] = fields
    for name in sorted(os.listdir(pages)):
        if not name.endswith(".md"):
            continue
        page = name[:-3]
        with open(os.path.join(pages, name), encoding="utf-8") as f:
            text = f.read()
        for parameter, description, yaml_type in sections(text):
            type_name = params.get((page, parameter.lower()))
            if not type_name:
                continue
            values = values_from(description, yaml_type)
            if values:
                found[type_name] = [type_name, ",".join(values), page]
    with open(output, "w", encoding="utf-8") as f:
        for line in header:
            f.write(line + "\n")
        for key in sorted(found, key=str.lower):
            f.write("\t".join(found[key]) + "\n")


if __name__ == "__main__":
    main()
