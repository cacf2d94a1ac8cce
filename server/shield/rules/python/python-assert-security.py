def delete_post(request, post):
    # ruleid: python-assert-security
    assert request.user.is_authenticated
    # ruleid: python-assert-security
    assert request.user.has_perm("blog.delete_post"), "forbidden"
    # ruleid: python-assert-security
    assert post.owner == request.user
    # ok: python-assert-security
    assert isinstance(post.id, int)
    # ok: python-assert-security
    assert len(post.title) < 200
    post.delete()


def check_shape(items):
    # ok: python-assert-security
    assert items, "expected at least one item"
