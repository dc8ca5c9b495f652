"""Catalog metadata of the download centre: a material's files.

The download centre lists thousands of blank forms and samples; it reads each
file's name, size and type from this column instead of loading the material.
"""

from plone.indexer import indexer
from zyzwfw.content.material import IMaterial


DOWNLOAD_FIELDS = ("template", "sample")


@indexer(IMaterial)
def download_files(obj):
    """Describe the material's blank form and sample.

    :param obj: a material.
    :returns: a tuple of ``(field, filename, size, content_type)`` tuples, one
        for each of ``template`` and ``sample`` that holds a file.
    """
    files = []
    for field in DOWNLOAD_FIELDS:
        value = getattr(obj, field, None)
        if value is not None:
            files.append((field, value.filename, value.getSize(), value.contentType))
    return tuple(files)
