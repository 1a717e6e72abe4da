from odoo import api, models

from ..constants import SOCIAL

MIXIN = "plie.thread.mixin"


class PlieThreadMixin(models.AbstractModel):
    """A record about a participant: its messages, log notes, followers,
    attachments and activities say as much as its social data (what a référent
    writes in the chatter: health, family, debts...). Odoo lets whoever reads a
    record read its thread; models inheriting this mixin also require
    ``_plie_thread_group``. The checks live in mail.message, ir.attachment,
    mail.followers and mail.activity, through the functions below."""

    _name = MIXIN
    _description = "PLIE record whose thread is restricted"

    # Group a user needs, on top of reading the record, to reach its thread
    # (several groups, comma-separated: any of them).
    _plie_thread_group = SOCIAL

    @api.model
    def _plie_thread_allowed(self):
        return self.env.su or self.env.user.has_groups(self._plie_thread_group)

    @api.model
    def _get_thread_with_access(self, thread_id, mode="read", **kwargs):
        # Discuss controllers (messages, attachments upload, followers) start here.
        if not self._plie_thread_allowed():
            return self.browse()
        return super()._get_thread_with_access(thread_id, mode=mode, **kwargs)

    def _notify_get_recipients(self, message, msg_vals, **kwargs):
        # No inbox notification or email to users who may not read the thread.
        group_ids = {
            self.env.ref(xmlid.strip()).id
            for xmlid in self._plie_thread_group.split(",")
        }
        return [
            recipient
            for recipient in super()._notify_get_recipients(message, msg_vals, **kwargs)
            if recipient["type"] != "user"
            or group_ids.intersection(recipient["groups"] or [])
        ]


def thread_models_forbidden(env):
    """Names of the models whose thread the current user may not reach."""
    if env.su:
        return []
    return [
        name
        for name in env.registry.descendants([MIXIN], "_inherit")
        if name != MIXIN
        and not env[name]._abstract
        and not env[name]._plie_thread_allowed()
    ]


def _readable_participants(env):
    """Query of the participants whose social data the user reads (their
    contact's thread says as much), or None for none."""
    if not env.user.has_group(SOCIAL):
        return None
    return env["plie.participant"].with_context(active_test=False)._search([])


def forbidden_thread_domain(env, model_field):
    """Domain on messages, attachments... (``model_field`` and ``res_id``)
    leaving out the threads the current user may not reach. The participant's
    own contact has a thread too (emails they send...): it follows the
    participant."""
    if env.su:
        return []
    domain = []
    if forbidden := thread_models_forbidden(env):
        domain.append((model_field, "not in", forbidden))
    # sudo: the participants' contacts are hidden from some users; the domain
    # must name all of them to exclude their threads.
    Partner = env["res.partner"].sudo()
    contacts = [
        "|",
        (model_field, "!=", "res.partner"),
        ("res_id", "not in", Partner._search([("plie_is_participant", "=", True)])),
    ]
    readable = _readable_participants(env)
    if readable is not None:
        own = Partner._search([("plie_participant_ids", "in", readable)])
        contacts = ["|", *contacts, ("res_id", "in", own)]
    return domain + contacts


def forbidden_threads(env, threads):
    """The (model, res_id) pairs of ``threads`` the current user may not reach."""
    if env.su:
        return set()
    forbidden_models = thread_models_forbidden(env)
    forbidden = {
        (model, res_id) for model, res_id in threads if model in forbidden_models
    }
    contact_ids = {res_id for model, res_id in threads if model == "res.partner"}
    if contact_ids:
        # sudo: find the participant behind each contact; readability is then
        # checked as the user.
        participants = env["plie.participant"].sudo().with_context(active_test=False)
        participants = participants.search([("partner_id", "in", list(contact_ids))])
        readable = participants.sudo(False)._filtered_access("read")
        if _readable_participants(env) is None:
            readable = participants.browse()
        forbidden |= {
            ("res.partner", partner_id)
            for partner_id in set(participants.partner_id.ids)
            - set(readable.partner_id.ids)
        }
    return forbidden


def forbidden_thread_records(records, model_field):
    """Subset of ``records`` (messages, attachments...) whose document, named
    by ``model_field`` and ``res_id``, has a thread the user may not reach."""
    if not records or records.env.su:
        return records.browse()
    # sudo: read the document of each message or attachment the user may
    # not read yet; this is what decides whether they may.
    records_sudo = records.sudo()
    forbidden = forbidden_threads(
        records.env, {(r[model_field], r.res_id) for r in records_sudo}
    )
    return records_sudo.filtered(
        lambda r: (r[model_field], r.res_id) in forbidden
    ).sudo(False)


def restrict_access_result(records, operation, result, model_field):
    """Add to a ``_check_access`` result the records of forbidden threads."""
    forbidden = forbidden_thread_records(records, model_field)
    if result:
        forbidden -= result[0]
    if not forbidden:
        return result
    if result:
        return (result[0] + forbidden, result[1])
    rule = records.env["ir.rule"]
    return (forbidden, lambda: rule._make_access_error(operation, forbidden))


def unreadable_plie_documents(records, model_field, id_field):
    """Subset of ``records`` (followers...) attached to a PLIE record the
    current user may not read."""
    if records.env.su or not records:
        return records.browse()
    by_document = {}
    # sudo: the followers' documents are read to decide access, as above.
    for record in records.sudo():
        model = record[model_field]
        if model and model.startswith("plie.") and model in records.env:
            by_document.setdefault((model, record[id_field]), []).append(record.id)
    unreadable = []
    models_ids = {}
    for model, res_id in by_document:
        models_ids.setdefault(model, set()).add(res_id)
    for model, res_ids in models_ids.items():
        documents = records.env[model].browse(res_ids)
        for res_id in set(res_ids) - set(documents._filtered_access("read").ids):
            unreadable += by_document[model, res_id]
    return records.browse(unreadable)
