import javax.script.*;

public class Calc {
    private final ScriptEngine engine = new ScriptEngineManager().getEngineByName("javascript");

    public Object compute(String formula, Map<String, Object> vars) throws ScriptException {
        // ruleid: java-script-injection
        Object v = engine.eval(formula);
        // ruleid: java-script-injection
        engine.eval("var x = " + formula + ";");
        // ruleid: java-script-injection
        Object g = new GroovyShell().evaluate(request.getParameter("expr"));
        // ok: java-script-injection
        engine.eval("1 + 1");
        Bindings b = engine.createBindings();
        b.putAll(vars);
        // ok: java-script-injection
        Object safe = engine.eval("price * quantity", b);
        // ok: java-script-injection
        engine.eval(new FileReader("/opt/app/scripts/init.js"));
        return v;
    }
}

// fragment
    // ruleid: java-script-injection
    Object r = jsEngine.eval(req.getParameter("code"));
