#pragma once

#include <string>
#include <vector>

#include "model/document.h"
#include "model/session.h"

namespace quire::model {

// Document shares (Frappe's frappe/share.py and the DocShare DocType): a
// DocShare row gives one user (or everyone but Guest) read, write, submit
// and/or share rights on one document, on top of role permissions.

// frappe.share.get_shared: names of the `doctype` documents shared with
// `user` (or with everyone, unless the user is Guest) with every right in
// `rights` (read, write, submit, share).
std::vector<std::string> get_shared(const Session& session, const std::string& doctype,
                                    const std::string& user,
                                    const std::vector<std::string>& rights = {"read"});

struct ShareRights {
  bool write = false;
  bool submit = false;
  bool share = true;
  bool everyone = false;
  bool notify = false;
};

// frappe.share.add: shares `name` with `user` (the session user when empty),
// always with read; updates the existing share of that user (or the
// "everyone" share) if there is one. Throws PermissionError "No permission to
// share {doctype} {name}" unless the session may share the document.
Document::Ptr add_share(Session& session, const std::string& doctype, const std::string& name,
                        const std::string& user, const ShareRights& rights = {});

// frappe.share.remove: deletes the user's share of the document, if any.
void remove_share(Session& session, const std::string& doctype, const std::string& name,
                  const std::string& user);

// frappe.share.set_permission: sets one right (read, write, submit, share) of
// the user's (or everyone's) share; clearing read clears them all, and a
// share left with no right is deleted. Returns the share or null.
Document::Ptr set_share_permission(Session& session, const std::string& doctype,
                                   const std::string& name, const std::string& user,
                                   const std::string& right, bool value = true,
                                   bool everyone = false);

// The DocShare controller: a share needs a user unless it is for everyone,
// the sharing user needs "share" permission on the document, submit only on
// submittable DocTypes, and write/submit/share imply read.
void register_docshare_controller(EventRegistry& events);

}  // namespace quire::model
