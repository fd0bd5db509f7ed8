"""Content-addressed evidence archive (SHA-256). Imports only ``marsad.core``."""

from marsad.archive.blobstore import BlobStore, VerifyProblem

__all__ = ["BlobStore", "VerifyProblem"]
