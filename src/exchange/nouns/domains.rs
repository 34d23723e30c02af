//! The organisation's accepted domains (Get-AcceptedDomain): the email domains it receives
//! mail for. Every organisation has two, made with it: its own domain (the default, which
//! new addresses use) and the tenant's initial `*.onmicrosoft.com` domain, both
//! authoritative.
//!
//! **decision**: they are listed, not changed: adding a domain means proving it is one's
//! own, which Exchange Online does outside Exchange.

use super::{NounSpec, ObjectKind, Op, Storage};

/// Get-AcceptedDomain.
pub static ACCEPTED_DOMAIN: NounSpec = NounSpec {
    nouns: &["AcceptedDomain"],
    type_name: "Microsoft.Exchange.Data.Directory.SystemConfiguration.AcceptedDomain",
    storage: Storage::Objects(ObjectKind {
        // As the organisation's were stored (migration 11).
        defaults: r#"{"DomainName":null,"CatchAllRecipientID":null,"DomainType":"Authoritative",
        "MatchSubDomains":false,"AddressBookEnabled":true,"Default":false,"EmailOnly":false,
        "ExternallyManaged":false,"AuthenticationType":"Managed","LiveIdInstanceType":"Business",
        "PendingRemoval":false,"PendingCompletion":false,"FederatedOrganizationLink":null,
        "MailFlowPartner":null,"OutboundOnly":false,"PendingFederatedAccountNamespace":false,
        "PendingFederatedDomain":false,"IsCoexistenceDomain":false,
        "PerimeterDuplicateDetected":false,"IsDefaultFederatedDomain":false,
        "EnableNego2Authentication":false,"InitialDomain":false,"AdminDisplayName":null}"#,
        ..ObjectKind::new("AcceptedDomain")
    }),
    verbs: &[("Get", Op::Get)],
    table: &["Name", "DomainName", "DomainType", "Default"],
    expanded: None,
};
