import javax.xml.xpath.*;

public class UserStore {
    public boolean login(Document doc, String user, String pass) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        // ruleid: java-xpath-injection
        Object hit = xpath.evaluate("//users/user[@name='" + user + "' and @pass='" + pass + "']", doc, XPathConstants.NODE);
        String expr = "/accounts/account[id='" + user + "']/balance";
        // ruleid: java-xpath-injection
        XPathExpression e = xpath.compile(expr);
        // ruleid: java-xpath-injection
        List<Node> nodes = document.selectNodes(String.format("//order[@owner='%s']", user));
        // ok: java-xpath-injection
        XPathExpression byVar = xpath.compile("//users/user[@name=$name]");
        // ok: java-xpath-injection
        Object all = xpath.evaluate("//users/" + "user", doc);
        // ok: java-xpath-injection
        Pattern p = Pattern.compile("/api/" + version + "/.*");
        // ok: java-xpath-injection
        double total = calculator.evaluate(a + b);
        return hit != null;
    }
}

// fragment
    // ruleid: java-xpath-injection
    Node n = (Node) XPathFactory.newInstance().newXPath().evaluate("/config/" + request.getParameter("key"), doc, XPathConstants.NODE);
