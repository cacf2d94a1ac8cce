using System.Runtime.Serialization.Formatters.Binary;
using Newtonsoft.Json;

public class SessionStore
{
    private readonly BinaryFormatter _formatter = new BinaryFormatter();

    public object Load(Stream body, string json)
    {
        var bf = new BinaryFormatter();
        // ruleid: csharp-unsafe-deserialization
        object state = bf.Deserialize(body);
        // ruleid: csharp-unsafe-deserialization
        object cached = _formatter.Deserialize(body);
        // ruleid: csharp-unsafe-deserialization
        var settings = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All };
        // ruleid: csharp-unsafe-deserialization
        var js = new JavaScriptSerializer(new SimpleTypeResolver());
        // ok: csharp-unsafe-deserialization
        var dto = JsonConvert.DeserializeObject<Dto>(json);
        // ok: csharp-unsafe-deserialization
        var strict = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.None };
        // ok: csharp-unsafe-deserialization
        var typed = System.Text.Json.JsonSerializer.Deserialize<Dto>(json);
        // ok: csharp-unsafe-deserialization
        var xml = new XmlSerializer(typeof(Dto)).Deserialize(body);
        return state;
    }
}

// fragment
    // ruleid: csharp-unsafe-deserialization
    var graph = new LosFormatter().Deserialize(Request.Form["__VIEWSTATE"]);
