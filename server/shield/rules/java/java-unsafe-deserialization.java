import java.beans.XMLDecoder;
import java.io.*;

public class Loader {
    public Object load(InputStream body) throws Exception {
        // ruleid: java-unsafe-deserialization
        ObjectInputStream in = new ObjectInputStream(body);
        Object o = in.readObject();
        // ruleid: java-unsafe-deserialization
        XMLDecoder decoder = new XMLDecoder(new BufferedInputStream(body));
        XStream xs = new XStream();
        // ruleid: java-unsafe-deserialization
        Object fromXml = xs.fromXML(body);
        ObjectMapper mapper = new ObjectMapper();
        // ruleid: java-unsafe-deserialization
        mapper.enableDefaultTyping();
        // ok: java-unsafe-deserialization
        ObjectInputStream safe = new ObjectInputStream(body) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                if (!desc.getName().equals("com.example.Dto")) throw new InvalidClassException(desc.getName());
                return super.resolveClass(desc);
            }
        };
        // ok: java-unsafe-deserialization
        ObjectOutputStream out = new ObjectOutputStream(new FileOutputStream("cache.bin"));
        // ok: java-unsafe-deserialization
        Dto dto = mapper.readValue(body, Dto.class);
        // new ObjectInputStream(body) in a comment is not code
        return o;
    }
}

class FilteredLoader {
    Object load(InputStream in) throws Exception {
        // ok: java-unsafe-deserialization
        ObjectInputStream ois = new ObjectInputStream(in);
        ois.setObjectInputFilter(ObjectInputFilter.Config.createFilter("com.example.dto.*;!*"));
        return ois.readObject();
    }
}

// fragment: a handler without its class
protected void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {
    // ruleid: java-unsafe-deserialization
    Object payload = new ObjectInputStream(request.getInputStream()).readObject();
    // ruleid: java-unsafe-deserialization
    Object p2 = SerializationUtils.deserialize(request.getInputStream().readAllBytes());
}
