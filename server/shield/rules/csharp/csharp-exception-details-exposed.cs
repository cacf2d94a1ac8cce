public class OrdersController : Controller
{
    public IActionResult Get(int id)
    {
        try
        {
            return Ok(repo.Find(id));
        }
        catch (Exception ex)
        {
            // ruleid: csharp-exception-details-exposed
            return StatusCode(500, ex.ToString());
        }
    }

    public IActionResult Post(Order o)
    {
        try { repo.Add(o); return Ok(); }
        catch (Exception e)
        {
            logger.LogError(e, "add failed");
            // ok: csharp-exception-details-exposed
            return Problem("Could not save the order.");
        }
    }

    public IActionResult Put(Order o)
    {
        try { repo.Update(o); return Ok(); }
        // ruleid: csharp-exception-details-exposed
        catch (Exception ex) { return BadRequest(new { error = ex.Message, trace = ex.StackTrace }); }
    }
}

var app = builder.Build();
if (app.Environment.IsDevelopment())
{
    // ok: csharp-exception-details-exposed
    app.UseDeveloperExceptionPage();
}
// ruleid: csharp-exception-details-exposed
app.UseDeveloperExceptionPage();
// ok: csharp-exception-details-exposed
var text = order.ToString();

// fragment: a catch block without its try or method
    catch (Exception e)
    {
        // ruleid: csharp-exception-details-exposed
        return Content(e.StackTrace);
    }
