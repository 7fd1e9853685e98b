/** What each audit code means, in words ("published a piece"); an unknown code is shown as it is. */
const WORDS: Record<string, string> = {
  "piece.draft": "saved a draft",
  "piece.publish": "published a piece",
  "piece.schedule": "scheduled a piece",
  "piece.unpublish": "unpublished a piece",
  "piece.autosave": "autosaved a piece",
  "piece.restore": "restored an earlier version of a piece",
  "piece.published-on-schedule": "published a scheduled piece",
  "signal.status": "changed a signal's status",
  "send.retry": "retried a send",
  "send.retry-failed": "retried a send's failed deliveries",
  "staff.promote": "made a reader an editor",
  "staff.demote": "made a staff member a reader",
  "complimentary.grant": "gave complimentary access",
  "complimentary.revoke": "revoked complimentary access",
  "subscribers.export": "exported subscribers as CSV",
  "subscribers.import": "imported subscribers from CSV",
  "profile.update": "updated a staff profile",
  "settings.default-mail-audience": "changed who new pieces are mailed to by default",
  "settings.retention-offer": "changed the offer made to readers who cancel",
  "subscription.cancel": "cancelled their subscription at period end",
  "subscription.retention-accepted": "stayed for the retention offer",
  "account.deleted": "deleted their account",
  "mail.unsubscribed": "unsubscribed from new-piece mail",
  "taxonomy.add": "added a term to the risk lists",
  "taxonomy.rename": "renamed a term of the risk lists",
  "taxonomy.retire": "retired a term of the risk lists",
  "category.create": "added a category",
  "category.rename": "renamed a category",
  "category.describe": "changed a category's description",
  "category.merge": "merged one category into another",
};

export function auditWords(action: string): string {
  return WORDS[action] ?? action;
}

export const KNOWN_AUDIT_ACTIONS = Object.keys(WORDS);
