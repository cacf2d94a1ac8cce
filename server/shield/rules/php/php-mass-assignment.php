<?php
class UserController extends Controller
{
    public function store(Request $request)
    {
        // ruleid: php-mass-assignment
        $user = User::create($request->all());
        // ruleid: php-mass-assignment
        $user->fill($request->input())->save();
        // ruleid: php-mass-assignment
        $post = Post::firstOrCreate($_POST);
        // ok: php-mass-assignment
        $safe = User::create($request->validated());
        // ok: php-mass-assignment
        $some = User::create($request->only(['name', 'email']));
        // ok: php-mass-assignment
        $user->update(['last_login' => now()]);
        return $user;
    }
}

class Account extends Model
{
    // ruleid: php-mass-assignment
    protected $guarded = [];
    // ok: php-mass-assignment
    protected $fillable = ['name', 'email'];
}

// fragment: an unclosed action
    public function update(Request $request, Post $post)
    {
        // ruleid: php-mass-assignment
        $post->update($request->all());
