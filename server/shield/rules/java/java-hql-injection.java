import javax.persistence.EntityManager;

public class UserRepository {
    private EntityManager em;

    public List<User> byName(String name, String sort) {
        // ruleid: java-hql-injection
        List<User> a = em.createQuery("FROM User u WHERE u.name = '" + name + "'", User.class).getResultList();
        // ruleid: java-hql-injection
        session.createQuery(String.format("from Order o order by o.%s", sort)).list();
        String jpql = "SELECT u FROM User u WHERE u.email = '" + name + "'";
        // ruleid: java-hql-injection
        Query q = em.createQuery(jpql);
        // ok: java-hql-injection
        em.createQuery("FROM User u WHERE u.name = :name", User.class).setParameter("name", name);
        // ok: java-hql-injection
        em.createQuery("SELECT u FROM User u " + "ORDER BY u.id");
        String fixed = "SELECT count(u) FROM User u";
        // ok: java-hql-injection
        em.createQuery(fixed);
        // ok: java-hql-injection
        CriteriaQuery<User> cq = em.getCriteriaBuilder().createQuery(User.class);
        return a;
    }
}

// fragment: statements without a class
String hql = "from Account where owner = '" + request.getParameter("owner") + "'";
// ruleid: java-hql-injection
List accounts = session.createQuery(hql).list();
