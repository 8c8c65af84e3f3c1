"""Stock items and the catalog that holds them."""

from __future__ import annotations

from dataclasses import dataclass

SKU_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
MAX_SKU_LENGTH = 20


class CatalogError(ValueError):
    """An item is invalid or conflicts with the catalog."""


class UnknownItemError(KeyError):
    """No item with the given SKU exists."""

    def __str__(self) -> str:
        return f"unknown item {self.args[0]!r}"


def normalize_sku(text: str) -> str:
    """Upper-case and strip a SKU, checking its characters and length.

    Raises:
        CatalogError: The SKU is empty, too long or contains characters other
            than letters, digits and dashes.
    """
    sku = text.strip().upper()
    if not sku:
        raise CatalogError("a SKU cannot be empty")
    if len(sku) > MAX_SKU_LENGTH:
        raise CatalogError(f"SKU {sku!r} is longer than {MAX_SKU_LENGTH} characters")
    bad = sorted(set(sku) - SKU_CHARS)
    if bad:
        raise CatalogError(f"SKU {sku!r} contains invalid characters {''.join(bad)!r}")
    return sku


@dataclass
class Item:
    """One kind of stock keeping unit."""

    sku: str
    name: str
    unit: str = "ea"
    reorder_level: int = 0
    category: str = ""

    def __post_init__(self) -> None:
        self.sku = normalize_sku(self.sku)
        self.name = self.name.strip()
        if not self.name:
            raise CatalogError(f"item {self.sku} needs a name")
        if self.reorder_level < 0:
            raise CatalogError(f"reorder level of {self.sku} must be >= 0, got {self.reorder_level}")


class Catalog:
    """Items by SKU."""

    def __init__(self, items: list[Item] | None = None) -> None:
        self._items: dict[str, Item] = {}
        for item in items or []:
            self.add(item)

    def add(self, item: Item) -> Item:
        """Add ``item``; a SKU may be added only once."""
        if item.sku in self._items:
            raise CatalogError(f"item {item.sku} is already in the catalog")
        self._items[item.sku] = item
        return item

    def get(self, sku: str) -> Item:
        """The item with ``sku`` (case-insensitive)."""
        key = sku.strip().upper()
        if key not in self._items:
            raise UnknownItemError(key)
        return self._items[key]

    def remove(self, sku: str) -> Item:
        """Remove and return the item with ``sku``."""
        item = self.get(sku)
        del self._items[item.sku]
        return item

    def __contains__(self, sku: object) -> bool:
        return isinstance(sku, str) and sku.strip().upper() in self._items

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self):
        return iter(self.items())

    def items(self) -> list[Item]:
        """All items sorted by SKU."""
        return [self._items[sku] for sku in sorted(self._items)]

    def search(self, text: str) -> list[Item]:
        """Items whose SKU or name contains ``text`` (case-insensitive), by SKU."""
        needle = text.strip().lower()
        return [item for item in self.items()
                if needle in item.sku.lower() or needle in item.name.lower()]

    def by_category(self, category: str) -> list[Item]:
        """Items in ``category`` (case-insensitive), by SKU."""
        wanted = category.strip().lower()
        return [item for item in self.items() if item.category.lower() == wanted]
