//! Service principals: the applications Exchange knows (New-ServicePrincipal -AppId
//! -ObjectId -ServiceId, as Exchange Online records an Entra application's service
//! principal), which role assignments give rights. A document object named by its ObjectId.
//!
//! **decision**: the type name is exosh's reading of Exchange's (the reference gives none).

use super::{CREATED_AND_REMOVED, NounSpec, ObjectKind, Storage};

/// Get/New/Set/Remove-ServicePrincipal.
pub static SERVICE_PRINCIPAL: NounSpec = NounSpec {
    nouns: &["ServicePrincipal"],
    type_name: "Microsoft.Exchange.Data.Directory.Management.ServicePrincipal",
    storage: Storage::Objects(ObjectKind {
        name_parts: &["ObjectId"],
        defaults: r#"{"AppId":null,"ObjectId":null,"ServiceId":null,"DisplayName":null}"#,
        ..ObjectKind::new("ServicePrincipal")
    }),
    verbs: CREATED_AND_REMOVED,
    table: &[],
    expanded: None,
};
