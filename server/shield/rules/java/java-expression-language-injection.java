import org.springframework.expression.*;

public class RuleEngine {
    private final ExpressionParser parser = new SpelExpressionParser();

    public Object apply(String rule, Order order) {
        // ruleid: java-expression-language-injection
        Expression e = parser.parseExpression(rule);
        // ruleid: java-expression-language-injection
        Object v = parser.parseExpression("#order.total > " + order.getLimit()).getValue(ctx);
        // ruleid: java-expression-language-injection
        Object o = Ognl.getValue(rule, context, order);
        // ok: java-expression-language-injection
        Expression fixed = parser.parseExpression("#order.total * 1.2");
        // ok: java-expression-language-injection
        Expression constant = parser.parseExpression(DISCOUNT_RULE);
        // ok: java-expression-language-injection
        Object val = fixed.getValue(ctx);
        return e.getValue(ctx, order);
    }
}

// fragment
    // ruleid: java-expression-language-injection
    ValueExpression ve = factory.createValueExpression(elContext, request.getParameter("expr"), Object.class);
