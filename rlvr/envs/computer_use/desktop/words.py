"""Small word lists the desktop families draw their content from (seeded, varied, offline)."""

from __future__ import annotations

FIRST_NAMES = ("Dana", "Sam", "Priya", "Jonas", "Mei", "Omar", "Lena", "Kofi", "Ana", "Mateo", "Yuki",
               "Ingrid", "Tomás", "Chloé", "Ravi", "Noor", "Felix", "Hana", "Marco", "Zoe")
LAST_NAMES = ("Kim", "Lee", "Nair", "Berg", "Chen", "Haddad", "Fischer", "Mensah", "Souza", "Ruiz",
              "Sato", "Dahl", "Silva", "Martin", "Patel", "Okafor", "Weber", "Novak", "Rossi", "Costa")
DOMAINS = ("corp.example", "acme.example", "mail.example", "studio.example", "uni.example")
NEWSLETTERS = (("Deals Weekly", "deals@shop.example"), ("Tech Digest", "digest@news.example"),
               ("Travel Club", "offers@travel.example"), ("Book Corner", "hello@books.example"),
               ("Fit Daily", "news@fitness.example"))

VENDORS = ("acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "tyrell", "cyberdyne", "soylent")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
FOLDERS = ("Archive", "Reports", "Projects", "Backup", "Clients", "Finance", "Travel", "Taxes", "Receipts",
           "Old", "Shared", "Planning")
TOPICS = ("budget", "roadmap", "offsite", "hiring", "launch", "audit", "migration", "workshop", "survey",
          "retreat", "partnership", "conference")
WORDS = ("apple", "river", "candle", "falcon", "meadow", "copper", "lantern", "harbor", "violet", "pepper",
         "glacier", "orchid", "timber", "saddle", "marble", "thistle", "beacon", "walnut", "cobalt", "prairie")
TASKS = ("Buy milk", "Call the bank", "Book flights", "Renew passport", "Water the plants", "Pay rent",
         "Send invoice", "Fix the bike", "Order printer ink", "Email the landlord", "Back up laptop",
         "Clean the garage", "Plan the party", "Update the CV", "Return library books")
SENTENCES = (
    "The review moved to next week.", "Please check the attached numbers.", "We are still waiting for the quote.",
    "The draft looks good to me.", "Let me know if anything is missing.", "I will send the slides later today.",
    "The team agreed on the new timeline.", "Can we keep the meeting short?", "The venue confirmed the booking.",
    "Thanks for the quick turnaround.", "I moved the files to the shared drive.", "Lunch is on us this time.",
)


def person(first: str, last: str, domain: str) -> tuple[str, str]:
    """``("Dana Kim", "dana.kim@corp.example")``."""
    return f"{first} {last}", f"{first.lower().replace('á', 'a').replace('é', 'e')}.{last.lower()}@{domain}"
