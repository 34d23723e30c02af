-- Schema version 11: groups and accepted domains. A group (a distribution group, a
-- mail-enabled security group, a Microsoft 365 group) is a recipient; each of its links
-- to another recipient says what that recipient is to it: one of its Members, its
-- Owners (ManagedBy), or its Subscribers. A link goes with the group and with the
-- recipient it names, and links are listed in the order they were made. The
-- organisation's accepted domains are its two domains: the one new addresses use (the
-- default) and the tenant's initial domain, both authoritative.
-- Frozen: never edit; a change to the schema is a new numbered file.

CREATE TABLE group_links (
    grp INTEGER NOT NULL REFERENCES recipients(rid) ON DELETE CASCADE,
    member INTEGER NOT NULL REFERENCES recipients(rid) ON DELETE CASCADE,
    link TEXT NOT NULL,
    UNIQUE (grp, link, member)
);
CREATE INDEX group_links_member ON group_links(member, link);

INSERT INTO objects (kind, name, guid, is_default, settings, created, changed)
SELECT 'AcceptedDomain', o.value,
       lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
             substr(hex(randomblob(2)), 2) || '-' ||
             substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) ||
             '-' || hex(randomblob(6))),
       0,
       json_object('DomainName', o.value, 'CatchAllRecipientID', NULL,
                   'DomainType', 'Authoritative', 'MatchSubDomains', json('false'),
                   'AddressBookEnabled', json('true'),
                   'Default', json(CASE o.key WHEN 'domain' THEN 'true' ELSE 'false' END),
                   'EmailOnly', json('false'), 'ExternallyManaged', json('false'),
                   'AuthenticationType', 'Managed', 'LiveIdInstanceType', 'Business',
                   'PendingRemoval', json('false'), 'PendingCompletion', json('false'),
                   'FederatedOrganizationLink', NULL, 'MailFlowPartner', NULL,
                   'OutboundOnly', json('false'),
                   'PendingFederatedAccountNamespace', json('false'),
                   'PendingFederatedDomain', json('false'), 'IsCoexistenceDomain', json('false'),
                   'PerimeterDuplicateDetected', json('false'),
                   'IsDefaultFederatedDomain', json('false'),
                   'EnableNego2Authentication', json('false'),
                   'InitialDomain', json(CASE o.key WHEN 'tenant' THEN 'true' ELSE 'false' END),
                   'AdminDisplayName', NULL),
       strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM organization o WHERE o.key IN ('domain', 'tenant')
ORDER BY o.key = 'tenant';
