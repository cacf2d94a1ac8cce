class Store {
    void save(Context mContext, String foo) throws Exception {
        // ruleid: java-android-world-readable
        mContext.openFileOutput( foo, Context.MODE_WORLD_READABLE );
        // ruleid: java-android-world-readable
        mContext.openFileOutput( foo, Context.MODE_WORLD_WRITABLE );
        // ruleid: java-android-world-readable
        SharedPreferences p = mContext.getSharedPreferences("p", MODE_WORLD_WRITEABLE);
        // ok: java-android-world-readable
        mContext.openFileOutput(foo, Context.MODE_PRIVATE);
        // ok: java-android-world-readable
        mContext.openFileOutput(foo, Context.MODE_APPEND);
        // ok: java-android-world-readable
        String hint = "never use MODE_WORLD_READABLE";
    }
}
